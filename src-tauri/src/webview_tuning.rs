//! What the window's WebKitGTK web view is told at start-up (Linux), to start sooner and hold
//! less memory: each knob was measured on its own with `scripts/bench-desktop.sh --knobs`
//! (ARCHITECTURE.md lists the numbers). `ZAIRYU_WEBVIEW_KNOBS` overrides the set for that
//! benchmark: `none`, or a comma list of knob names.

/// One setting of the web view that the benchmark can turn on or off by name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Knob {
    /// The web context's cache model `DocumentViewer`: no page cache, a small memory cache —
    /// the app shows one local page, nothing to go back to.
    DocumentViewer,
    /// Hardware acceleration policy `Never`: no accelerated compositing (no GL context in the
    /// web process for a page of forms).
    NoCompositing,
    /// Web features the UI never uses: WebGL, Web Audio, media elements, WebSQL, the offline
    /// application cache, DNS prefetching and the back/forward page cache.
    NoUnusedFeatures,
}

impl Knob {
    const ALL: [Knob; 3] = [
        Knob::DocumentViewer,
        Knob::NoCompositing,
        Knob::NoUnusedFeatures,
    ];

    pub(crate) fn name(self) -> &'static str {
        match self {
            Knob::DocumentViewer => "document-viewer",
            Knob::NoCompositing => "no-compositing",
            Knob::NoUnusedFeatures => "no-unused-features",
        }
    }
}

/// The knobs the app uses when the environment does not say otherwise.
pub(crate) const KEPT: &[Knob] = &[Knob::DocumentViewer, Knob::NoUnusedFeatures];

/// The knobs to apply: [`KEPT`], or what `ZAIRYU_WEBVIEW_KNOBS` lists (unknown names ignored).
pub(crate) fn chosen(env: Option<&str>) -> Vec<Knob> {
    let Some(list) = env else {
        return KEPT.to_vec();
    };
    Knob::ALL
        .into_iter()
        .filter(|knob| list.split(',').any(|name| name.trim() == knob.name()))
        .collect()
}

/// Applies the chosen knobs to the main window's web view.
#[cfg(target_os = "linux")]
pub(crate) fn apply(window: &tauri::WebviewWindow) -> tauri::Result<()> {
    let knobs = chosen(std::env::var("ZAIRYU_WEBVIEW_KNOBS").ok().as_deref());
    window.with_webview(move |webview| {
        use webkit2gtk::{SettingsExt, WebContextExt, WebViewExt};
        let view = webview.inner();
        let settings = WebViewExt::settings(&view);
        for knob in knobs {
            match knob {
                Knob::DocumentViewer => {
                    if let Some(context) = view.context() {
                        context.set_cache_model(webkit2gtk::CacheModel::DocumentViewer);
                    }
                }
                Knob::NoCompositing => {
                    if let Some(settings) = &settings {
                        settings.set_hardware_acceleration_policy(
                            webkit2gtk::HardwareAccelerationPolicy::Never,
                        );
                    }
                }
                Knob::NoUnusedFeatures => {
                    if let Some(settings) = &settings {
                        settings.set_enable_webgl(false);
                        settings.set_enable_webaudio(false);
                        settings.set_enable_media(false);
                        settings.set_enable_html5_database(false);
                        settings.set_enable_offline_web_application_cache(false);
                        settings.set_enable_dns_prefetching(false);
                        settings.set_enable_page_cache(false);
                    }
                }
            }
        }
    })
}

/// Other systems keep their web view's defaults.
#[cfg(not(target_os = "linux"))]
pub(crate) fn apply(_window: &tauri::WebviewWindow) -> tauri::Result<()> {
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn without_the_variable_the_kept_knobs_apply() {
        assert_eq!(chosen(None), KEPT.to_vec());
    }

    #[test]
    fn the_variable_lists_knobs_by_name_or_none() {
        assert_eq!(chosen(Some("none")), Vec::<Knob>::new());
        assert_eq!(
            chosen(Some("no-compositing, document-viewer")),
            vec![Knob::DocumentViewer, Knob::NoCompositing]
        );
        assert_eq!(chosen(Some("bogus")), Vec::<Knob>::new());
    }
}
