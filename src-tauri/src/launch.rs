//! How the desktop app finds its profile and app-data folder at start-up.
//!
//! `--profile NAME` or `ZAIRYU_PROFILE` chooses the profile (`demo` by default; `production` in a
//! build without the `demo` feature, which refuses `demo` with `demo_profile_unavailable`);
//! `ZAIRYU_DATA_DIR` overrides the OS app-data folder (tests and advisors' counters use it).

use std::path::PathBuf;

use tauri::Manager;
use zairyu_app::Profile;

#[derive(Debug)]
pub(crate) struct LaunchConfig {
    pub(crate) profile: Profile,
    pub(crate) data_dir: PathBuf,
}

impl LaunchConfig {
    pub(crate) fn from_env_and_args(
        handle: &tauri::AppHandle,
    ) -> Result<LaunchConfig, Box<dyn std::error::Error>> {
        let args: Vec<String> = std::env::args().collect();
        let profile = profile_from(&args, std::env::var("ZAIRYU_PROFILE").ok())?;
        let data_dir = match explicit_data_dir() {
            Some(dir) => dir,
            None => handle.path().app_data_dir()?,
        };
        Ok(LaunchConfig { profile, data_dir })
    }
}

/// The app-data folder `ZAIRYU_DATA_DIR` chooses (tests, counters), if set and not empty.
pub(crate) fn explicit_data_dir() -> Option<PathBuf> {
    std::env::var_os("ZAIRYU_DATA_DIR")
        .filter(|dir| !dir.is_empty())
        .map(PathBuf::from)
}

/// The profile when none is asked for: the demo one only in a build that has it.
const DEFAULT_PROFILE: Profile = if cfg!(feature = "demo") {
    Profile::Demo
} else {
    Profile::Production
};

/// `--profile X` / `--profile=X` wins over the environment; [`DEFAULT_PROFILE`] when neither is
/// given. The demo profile needs the bundled server (feature `demo`).
fn profile_from(args: &[String], env: Option<String>) -> Result<Profile, zairyu_app::AppError> {
    let mut from_args = None;
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        if let Some(value) = arg.strip_prefix("--profile=") {
            from_args = Some(value.to_owned());
        } else if arg == "--profile" {
            from_args = iter.next().cloned();
        }
    }
    let profile = match from_args.or(env) {
        Some(name) => Profile::parse(&name)?,
        None => DEFAULT_PROFILE,
    };
    if profile == Profile::Demo && !cfg!(feature = "demo") {
        return Err(zairyu_app::AppError::DemoProfileUnavailable);
    }
    Ok(profile)
}

/// The window title: the product name and the active profile.
pub(crate) fn window_title(profile: Profile) -> String {
    format!("Zairyu — {}", profile.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[cfg(feature = "demo")]
    #[test]
    fn profile_comes_from_args_then_env_then_demo() {
        assert_eq!(profile_from(&args(&["app"]), None).unwrap(), Profile::Demo);
        assert_eq!(
            profile_from(&args(&["app"]), Some("production".into())).unwrap(),
            Profile::Production
        );
        assert_eq!(
            profile_from(
                &args(&["app", "--profile", "demo"]),
                Some("production".into())
            )
            .unwrap(),
            Profile::Demo
        );
        assert_eq!(
            profile_from(&args(&["app", "--profile=production"]), None).unwrap(),
            Profile::Production
        );
        assert!(profile_from(&args(&["app", "--profile", "x"]), None).is_err());
    }

    #[cfg(not(feature = "demo"))]
    #[test]
    fn a_build_without_demo_starts_in_production_and_refuses_demo() {
        assert_eq!(
            profile_from(&args(&["app"]), None).unwrap(),
            Profile::Production
        );
        for (list, env) in [
            (&["app", "--profile", "demo"][..], None),
            (&["app"][..], Some("demo".to_owned())),
        ] {
            let err = profile_from(&args(list), env).unwrap_err();
            assert_eq!(err.code(), "demo_profile_unavailable");
        }
    }

    #[test]
    fn title_shows_the_profile() {
        assert_eq!(window_title(Profile::Demo), "Zairyu — demo");
    }
}
