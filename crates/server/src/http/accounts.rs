//! The account handlers: registration, sign-in and out, forgotten user ID and password, My page,
//! favorites and the usage application.

use super::*;

use std::net::{IpAddr, Ipv4Addr};

use zairyu_wire::EmailChangeRequest;

use crate::rate_limit::client_key;

/// The client, as the key of its address for the request budgets: the socket peer, or the
/// last address of `X-Forwarded-For` when the peer is the configured trusted proxy (from any
/// other peer the header is ignored, so it cannot buy a fresh budget).
#[derive(Debug)]
pub(super) struct Client(pub String);

impl FromRequestParts<AppState> for Client {
    type Rejection = ApiError;
    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let peer = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map(|c| c.0.ip().to_canonical());
        let forwarded = || {
            parts
                .headers
                .get_all("x-forwarded-for")
                .iter()
                .next_back()
                .and_then(|v| v.to_str().ok())
                .and_then(|v| v.rsplit(',').next())
                .and_then(|v| v.trim().parse::<IpAddr>().ok())
        };
        let ip = match peer {
            Some(p) if Some(p) == state.trusted_proxy.map(|t| t.to_canonical()) => {
                forwarded().unwrap_or(p)
            }
            Some(p) => p,
            None => IpAddr::V4(Ipv4Addr::UNSPECIFIED),
        };
        Ok(Client(client_key(ip)))
    }
}

#[utoipa::path(post, path = "/api/register", operation_id = "register", request_body = EmailTwiceRequest, responses((status = 200, description = "Done", body = Sent), (status = 400, description = "Bad input", body = ErrorBody), (status = 401, description = "Not signed in", body = ErrorBody), (status = 403, description = "Not allowed", body = ErrorBody), (status = 404, description = "Not found", body = ErrorBody)))]
pub(super) async fn register(
    State(s): State<AppState>,
    Client(client): Client,
    Body(b): Body<EmailTwiceRequest>,
) -> Reply<Sent> {
    s.client_allowed("register", &client)?;
    off_the_workers(|| {
        s.register_after_terms(
            &b.email,
            &b.email_again,
            b.agreed_to_terms,
            b.language.as_deref(),
        )
    })?;
    answer(Sent { sent: true })
}

#[utoipa::path(post, path = "/api/register/confirm", operation_id = "confirmEmail", request_body = TokenRequest, responses((status = 200, description = "Done", body = ConfirmedEmail), (status = 400, description = "Bad input", body = ErrorBody), (status = 401, description = "Not signed in", body = ErrorBody), (status = 403, description = "Not allowed", body = ErrorBody), (status = 404, description = "Not found", body = ErrorBody)))]
pub(super) async fn confirm_email(
    State(s): State<AppState>,
    Client(client): Client,
    Body(b): Body<TokenRequest>,
) -> Reply<ConfirmedEmail> {
    s.client_allowed("confirm_email", &client)?;
    answer(ConfirmedEmail {
        email: off_the_workers(|| s.confirm_email(&b.token))?,
    })
}

#[utoipa::path(post, path = "/api/register/complete", operation_id = "completeRegistration", request_body = CompleteRegistrationRequest, responses((status = 200, description = "Done", body = Registered), (status = 400, description = "Bad input", body = ErrorBody), (status = 401, description = "Not signed in", body = ErrorBody), (status = 403, description = "Not allowed", body = ErrorBody), (status = 404, description = "Not found", body = ErrorBody)))]
pub(super) async fn complete_registration(
    State(s): State<AppState>,
    Client(client): Client,
    Body(b): Body<CompleteRegistrationRequest>,
) -> Reply<Registered> {
    s.client_allowed("complete_registration", &client)?;
    let id = off_the_workers(|| {
        s.complete_registration_in(
            &b.token,
            &b.user_type,
            &b.name_en,
            &b.telephone,
            &b.password,
            b.language.as_deref(),
        )
    })?;
    answer(Registered { user_id: id })
}

#[utoipa::path(post, path = "/api/login", operation_id = "login", request_body = LoginRequest, responses((status = 200, description = "Done", body = SessionToken), (status = 400, description = "Bad input", body = ErrorBody), (status = 401, description = "Not signed in", body = ErrorBody), (status = 403, description = "Not allowed", body = ErrorBody), (status = 404, description = "Not found", body = ErrorBody)))]
pub(super) async fn login(
    State(s): State<AppState>,
    Client(client): Client,
    Body(b): Body<LoginRequest>,
) -> Reply<SessionToken> {
    answer(SessionToken {
        token: off_the_workers(|| s.login(&b.user_id, &b.password, &client))?,
    })
}

#[utoipa::path(post, path = "/api/logout", operation_id = "logout", responses((status = 200, description = "Done", body = Done), (status = 400, description = "Bad input", body = ErrorBody), (status = 401, description = "Not signed in", body = ErrorBody), (status = 403, description = "Not allowed", body = ErrorBody), (status = 404, description = "Not found", body = ErrorBody)), security(("bearer" = [])))]
pub(super) async fn logout(State(s): State<AppState>, Auth(_, token): Auth) -> Reply<Done> {
    off_the_workers(|| s.logout(&token))?;
    answer(Done {})
}

#[utoipa::path(post, path = "/api/forgot-user-id", operation_id = "forgotUserId", request_body = EmailRequest, responses((status = 200, description = "Done", body = Sent), (status = 400, description = "Bad input", body = ErrorBody), (status = 401, description = "Not signed in", body = ErrorBody), (status = 403, description = "Not allowed", body = ErrorBody), (status = 404, description = "Not found", body = ErrorBody)))]
pub(super) async fn forgot_user_id(
    State(s): State<AppState>,
    Client(client): Client,
    Body(b): Body<EmailRequest>,
) -> Reply<Sent> {
    s.client_allowed("forgot_user_id", &client)?;
    off_the_workers(|| s.forgot_user_id(&b.email))?;
    answer(Sent { sent: true })
}

#[utoipa::path(get, path = "/api/me", operation_id = "me", responses((status = 200, description = "Done", body = Account), (status = 400, description = "Bad input", body = ErrorBody), (status = 401, description = "Not signed in", body = ErrorBody), (status = 403, description = "Not allowed", body = ErrorBody), (status = 404, description = "Not found", body = ErrorBody)), security(("bearer" = [])))]
pub(super) async fn me(State(s): State<AppState>, Auth(user, _): Auth) -> Reply<Account> {
    let profile = off_the_workers(|| s.profile_of(&user))?;
    answer(answers::account_details(&user, profile))
}

#[utoipa::path(post, path = "/api/me/password", operation_id = "changePassword", request_body = PasswordChangeRequest, responses((status = 200, description = "Done", body = Done), (status = 400, description = "Bad input", body = ErrorBody), (status = 401, description = "Not signed in", body = ErrorBody), (status = 403, description = "Not allowed", body = ErrorBody), (status = 404, description = "Not found", body = ErrorBody)), security(("bearer" = [])))]
pub(super) async fn change_password(
    State(s): State<AppState>,
    Client(client): Client,
    Auth(user, token): Auth,
    Body(b): Body<PasswordChangeRequest>,
) -> Reply<Done> {
    s.client_allowed("change_password", &client)?;
    off_the_workers(|| s.change_password(&user, &b.current, &b.new, &token))?;
    answer(Done {})
}

#[utoipa::path(post, path = "/api/usage/challenge", operation_id = "usageChallenge", responses((status = 200, description = "Done", body = UsageChallenge), (status = 400, description = "Bad input", body = ErrorBody), (status = 401, description = "Not signed in", body = ErrorBody), (status = 403, description = "Not allowed", body = ErrorBody), (status = 404, description = "Not found", body = ErrorBody)), security(("bearer" = [])))]
pub(super) async fn usage_challenge(
    State(s): State<AppState>,
    Auth(user, _): Auth,
) -> Reply<UsageChallenge> {
    answer(UsageChallenge {
        nonce: off_the_workers(|| s.usage_challenge(&user))?,
    })
}

#[utoipa::path(post, path = "/api/usage", operation_id = "usageApply", request_body = UsageRequest, responses((status = 200, description = "Done", body = UsageApplied), (status = 400, description = "Bad input", body = ErrorBody), (status = 401, description = "Not signed in", body = ErrorBody), (status = 403, description = "Not allowed", body = ErrorBody), (status = 404, description = "Not found", body = ErrorBody)), security(("bearer" = [])))]
pub(super) async fn usage_apply(
    State(s): State<AppState>,
    Auth(user, _): Auth,
    Body(b): Body<UsageRequest>,
) -> Reply<UsageApplied> {
    off_the_workers(|| {
        s.usage_apply_and_link(
            &user,
            &b.nonce,
            &b.certificate,
            &b.signature,
            &b.info,
            b.organisation_id.as_deref(),
        )
    })?;
    answer(UsageApplied {
        usage_application_done: true,
    })
}

#[utoipa::path(post, path = "/api/forgot-password", operation_id = "forgotPassword", request_body = ForgotPasswordRequest, responses((status = 200, description = "Done", body = Sent), (status = 400, description = "Bad input", body = ErrorBody), (status = 401, description = "Not signed in", body = ErrorBody), (status = 403, description = "Not allowed", body = ErrorBody), (status = 404, description = "Not found", body = ErrorBody)))]
pub(super) async fn forgot_password(
    State(s): State<AppState>,
    Client(client): Client,
    Body(b): Body<ForgotPasswordRequest>,
) -> Reply<Sent> {
    s.client_allowed("forgot_password", &client)?;
    off_the_workers(|| s.forgot_password(&b.user_id, &b.email))?;
    answer(Sent { sent: true })
}

#[utoipa::path(post, path = "/api/reset-password", operation_id = "resetPassword", request_body = PasswordResetRequest, responses((status = 200, description = "Done", body = Done), (status = 400, description = "Bad input", body = ErrorBody), (status = 401, description = "Not signed in", body = ErrorBody), (status = 403, description = "Not allowed", body = ErrorBody), (status = 404, description = "Not found", body = ErrorBody)))]
pub(super) async fn reset_password(
    State(s): State<AppState>,
    Client(client): Client,
    Body(b): Body<PasswordResetRequest>,
) -> Reply<Done> {
    s.client_allowed("reset_password", &client)?;
    off_the_workers(|| s.reset_password(&b.token, &b.password))?;
    answer(Done {})
}

#[utoipa::path(post, path = "/api/me/profile", operation_id = "changeProfile", request_body = ProfileChangeRequest, responses((status = 200, description = "Done", body = Done), (status = 400, description = "Bad input", body = ErrorBody), (status = 401, description = "Not signed in", body = ErrorBody), (status = 403, description = "Not allowed", body = ErrorBody), (status = 404, description = "Not found", body = ErrorBody)), security(("bearer" = [])))]
pub(super) async fn change_profile(
    State(s): State<AppState>,
    Auth(user, _): Auth,
    Body(b): Body<ProfileChangeRequest>,
) -> Reply<Done> {
    off_the_workers(|| s.change_profile(&user, &b.postal_code, &b.address, &b.telephone))?;
    answer(Done {})
}

#[utoipa::path(get, path = "/api/favorites", operation_id = "listFavorites", responses((status = 200, description = "Done", body = [String]), (status = 400, description = "Bad input", body = ErrorBody), (status = 401, description = "Not signed in", body = ErrorBody), (status = 403, description = "Not allowed", body = ErrorBody), (status = 404, description = "Not found", body = ErrorBody)), security(("bearer" = [])))]
pub(super) async fn list_favorites(
    State(s): State<AppState>,
    Auth(user, _): Auth,
) -> Reply<Vec<String>> {
    answer(off_the_workers(|| s.favorites(&user))?)
}

#[utoipa::path(put, path = "/api/favorites/{id}", operation_id = "addFavorite", params(("id" = String, Path, description = "procedure id")), responses((status = 200, description = "Done", body = [String]), (status = 400, description = "Bad input", body = ErrorBody), (status = 401, description = "Not signed in", body = ErrorBody), (status = 403, description = "Not allowed", body = ErrorBody), (status = 404, description = "Not found", body = ErrorBody)), security(("bearer" = [])))]
pub(super) async fn add_favorite(
    State(s): State<AppState>,
    Auth(user, _): Auth,
    Path(id): Path<String>,
) -> Reply<Vec<String>> {
    answer(off_the_workers(|| s.set_favorite(&user, &id, true))?)
}

#[utoipa::path(delete, path = "/api/favorites/{id}", operation_id = "removeFavorite", params(("id" = String, Path, description = "procedure id")), responses((status = 200, description = "Done", body = [String]), (status = 400, description = "Bad input", body = ErrorBody), (status = 401, description = "Not signed in", body = ErrorBody), (status = 403, description = "Not allowed", body = ErrorBody), (status = 404, description = "Not found", body = ErrorBody)), security(("bearer" = [])))]
pub(super) async fn remove_favorite(
    State(s): State<AppState>,
    Auth(user, _): Auth,
    Path(id): Path<String>,
) -> Reply<Vec<String>> {
    answer(off_the_workers(|| s.set_favorite(&user, &id, false))?)
}

#[utoipa::path(post, path = "/api/me/email", operation_id = "changeEmail", request_body = EmailChangeRequest, responses((status = 200, description = "Link sent to the new address", body = Sent), (status = 400, description = "Bad input", body = ErrorBody), (status = 401, description = "Not signed in, or the password is wrong", body = ErrorBody), (status = 429, description = "Too many requests", body = ErrorBody)), security(("bearer" = [])))]
pub(super) async fn change_email(
    State(s): State<AppState>,
    Client(client): Client,
    Auth(user, _): Auth,
    Body(b): Body<EmailChangeRequest>,
) -> Reply<Sent> {
    s.client_allowed("change_email", &client)?;
    off_the_workers(|| s.change_email(&user, &b.email, &b.email_again, &b.password))?;
    answer(Sent { sent: true })
}

#[utoipa::path(post, path = "/api/me/email/confirm", operation_id = "confirmEmailChange", request_body = TokenRequest, responses((status = 200, description = "Address changed", body = ConfirmedEmail), (status = 400, description = "Bad input", body = ErrorBody), (status = 401, description = "Not signed in", body = ErrorBody)), security(("bearer" = [])))]
pub(super) async fn confirm_email_change(
    State(s): State<AppState>,
    Client(client): Client,
    Auth(user, _): Auth,
    Body(b): Body<TokenRequest>,
) -> Reply<ConfirmedEmail> {
    s.client_allowed("confirm_email_change", &client)?;
    answer(ConfirmedEmail {
        email: off_the_workers(|| s.confirm_email_change(&user, &b.token))?,
    })
}
