//! The account handlers: registration, sign-in and out, forgotten user ID and password, My page,
//! favorites and the usage application.

use super::*;

#[utoipa::path(post, path = "/api/register", operation_id = "register", request_body = EmailTwiceRequest, responses((status = 200, description = "Done", body = Sent), (status = 400, description = "Bad input", body = ErrorBody), (status = 401, description = "Not signed in", body = ErrorBody), (status = 403, description = "Not allowed", body = ErrorBody), (status = 404, description = "Not found", body = ErrorBody)))]
pub(super) async fn register(
    State(s): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    Body(b): Body<EmailTwiceRequest>,
) -> Reply<Sent> {
    s.rate_limit(&format!("register:{}", peer.ip()), 20)?;
    s.register(&b.email, &b.email_again)?;
    answer(Sent { sent: true })
}

#[utoipa::path(post, path = "/api/register/confirm", operation_id = "confirmEmail", request_body = TokenRequest, responses((status = 200, description = "Done", body = ConfirmedEmail), (status = 400, description = "Bad input", body = ErrorBody), (status = 401, description = "Not signed in", body = ErrorBody), (status = 403, description = "Not allowed", body = ErrorBody), (status = 404, description = "Not found", body = ErrorBody)))]
pub(super) async fn confirm_email(
    State(s): State<AppState>,
    Body(b): Body<TokenRequest>,
) -> Reply<ConfirmedEmail> {
    answer(ConfirmedEmail {
        email: s.confirm_email(&b.token)?,
    })
}

#[utoipa::path(post, path = "/api/register/complete", operation_id = "completeRegistration", request_body = CompleteRegistrationRequest, responses((status = 200, description = "Done", body = Registered), (status = 400, description = "Bad input", body = ErrorBody), (status = 401, description = "Not signed in", body = ErrorBody), (status = 403, description = "Not allowed", body = ErrorBody), (status = 404, description = "Not found", body = ErrorBody)))]
pub(super) async fn complete_registration(
    State(s): State<AppState>,
    Body(b): Body<CompleteRegistrationRequest>,
) -> Reply<Registered> {
    let id = s.complete_registration(
        &b.token,
        &b.user_type,
        &b.name_en,
        &b.telephone,
        &b.password,
    )?;
    answer(Registered { user_id: id })
}

#[utoipa::path(post, path = "/api/login", operation_id = "login", request_body = LoginRequest, responses((status = 200, description = "Done", body = SessionToken), (status = 400, description = "Bad input", body = ErrorBody), (status = 401, description = "Not signed in", body = ErrorBody), (status = 403, description = "Not allowed", body = ErrorBody), (status = 404, description = "Not found", body = ErrorBody)))]
pub(super) async fn login(
    State(s): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    Body(b): Body<LoginRequest>,
) -> Reply<SessionToken> {
    s.rate_limit(&format!("login:{}", peer.ip()), 30)?;
    answer(SessionToken {
        token: s.login(&b.user_id, &b.password)?,
    })
}

#[utoipa::path(post, path = "/api/logout", operation_id = "logout", responses((status = 200, description = "Done", body = Done), (status = 400, description = "Bad input", body = ErrorBody), (status = 401, description = "Not signed in", body = ErrorBody), (status = 403, description = "Not allowed", body = ErrorBody), (status = 404, description = "Not found", body = ErrorBody)), security(("bearer" = [])))]
pub(super) async fn logout(State(s): State<AppState>, Auth(_, token): Auth) -> Reply<Done> {
    s.logout(&token)?;
    answer(Done {})
}

#[utoipa::path(post, path = "/api/forgot-user-id", operation_id = "forgotUserId", request_body = EmailRequest, responses((status = 200, description = "Done", body = Sent), (status = 400, description = "Bad input", body = ErrorBody), (status = 401, description = "Not signed in", body = ErrorBody), (status = 403, description = "Not allowed", body = ErrorBody), (status = 404, description = "Not found", body = ErrorBody)))]
pub(super) async fn forgot_user_id(
    State(s): State<AppState>,
    Body(b): Body<EmailRequest>,
) -> Reply<Sent> {
    s.forgot_user_id(&b.email)?;
    answer(Sent { sent: true })
}

#[utoipa::path(get, path = "/api/me", operation_id = "me", responses((status = 200, description = "Done", body = Account), (status = 400, description = "Bad input", body = ErrorBody), (status = 401, description = "Not signed in", body = ErrorBody), (status = 403, description = "Not allowed", body = ErrorBody), (status = 404, description = "Not found", body = ErrorBody)), security(("bearer" = [])))]
pub(super) async fn me(Auth(user, _): Auth) -> Reply<Account> {
    answer(answers::account(&user))
}

#[utoipa::path(post, path = "/api/me/password", operation_id = "changePassword", request_body = PasswordChangeRequest, responses((status = 200, description = "Done", body = Done), (status = 400, description = "Bad input", body = ErrorBody), (status = 401, description = "Not signed in", body = ErrorBody), (status = 403, description = "Not allowed", body = ErrorBody), (status = 404, description = "Not found", body = ErrorBody)), security(("bearer" = [])))]
pub(super) async fn change_password(
    State(s): State<AppState>,
    Auth(user, _): Auth,
    Body(b): Body<PasswordChangeRequest>,
) -> Reply<Done> {
    s.change_password(&user, &b.current, &b.new)?;
    answer(Done {})
}

#[utoipa::path(post, path = "/api/usage/challenge", operation_id = "usageChallenge", responses((status = 200, description = "Done", body = UsageChallenge), (status = 400, description = "Bad input", body = ErrorBody), (status = 401, description = "Not signed in", body = ErrorBody), (status = 403, description = "Not allowed", body = ErrorBody), (status = 404, description = "Not found", body = ErrorBody)), security(("bearer" = [])))]
pub(super) async fn usage_challenge(
    State(s): State<AppState>,
    Auth(user, _): Auth,
) -> Reply<UsageChallenge> {
    answer(UsageChallenge {
        nonce: s.usage_challenge(&user)?,
    })
}

#[utoipa::path(post, path = "/api/usage", operation_id = "usageApply", request_body = UsageRequest, responses((status = 200, description = "Done", body = UsageApplied), (status = 400, description = "Bad input", body = ErrorBody), (status = 401, description = "Not signed in", body = ErrorBody), (status = 403, description = "Not allowed", body = ErrorBody), (status = 404, description = "Not found", body = ErrorBody)), security(("bearer" = [])))]
pub(super) async fn usage_apply(
    State(s): State<AppState>,
    Auth(user, _): Auth,
    Body(b): Body<UsageRequest>,
) -> Reply<UsageApplied> {
    s.usage_apply(&user, &b.nonce, &b.certificate, &b.signature, &b.info)?;
    answer(UsageApplied {
        usage_application_done: true,
    })
}

#[utoipa::path(post, path = "/api/forgot-password", operation_id = "forgotPassword", request_body = ForgotPasswordRequest, responses((status = 200, description = "Done", body = Sent), (status = 400, description = "Bad input", body = ErrorBody), (status = 401, description = "Not signed in", body = ErrorBody), (status = 403, description = "Not allowed", body = ErrorBody), (status = 404, description = "Not found", body = ErrorBody)))]
pub(super) async fn forgot_password(
    State(s): State<AppState>,
    Body(b): Body<ForgotPasswordRequest>,
) -> Reply<Sent> {
    s.forgot_password(&b.user_id, &b.email)?;
    answer(Sent { sent: true })
}

#[utoipa::path(post, path = "/api/reset-password", operation_id = "resetPassword", request_body = PasswordResetRequest, responses((status = 200, description = "Done", body = Done), (status = 400, description = "Bad input", body = ErrorBody), (status = 401, description = "Not signed in", body = ErrorBody), (status = 403, description = "Not allowed", body = ErrorBody), (status = 404, description = "Not found", body = ErrorBody)))]
pub(super) async fn reset_password(
    State(s): State<AppState>,
    Body(b): Body<PasswordResetRequest>,
) -> Reply<Done> {
    s.reset_password(&b.token, &b.password)?;
    answer(Done {})
}

#[utoipa::path(post, path = "/api/me/profile", operation_id = "changeProfile", request_body = ProfileChangeRequest, responses((status = 200, description = "Done", body = Done), (status = 400, description = "Bad input", body = ErrorBody), (status = 401, description = "Not signed in", body = ErrorBody), (status = 403, description = "Not allowed", body = ErrorBody), (status = 404, description = "Not found", body = ErrorBody)), security(("bearer" = [])))]
pub(super) async fn change_profile(
    State(s): State<AppState>,
    Auth(user, _): Auth,
    Body(b): Body<ProfileChangeRequest>,
) -> Reply<Done> {
    s.change_profile(&user, &b.postal_code, &b.address, &b.telephone)?;
    answer(Done {})
}

#[utoipa::path(get, path = "/api/favorites", operation_id = "listFavorites", responses((status = 200, description = "Done", body = [String]), (status = 400, description = "Bad input", body = ErrorBody), (status = 401, description = "Not signed in", body = ErrorBody), (status = 403, description = "Not allowed", body = ErrorBody), (status = 404, description = "Not found", body = ErrorBody)), security(("bearer" = [])))]
pub(super) async fn list_favorites(
    State(s): State<AppState>,
    Auth(user, _): Auth,
) -> Reply<Vec<String>> {
    answer(s.favorites(&user)?)
}

#[utoipa::path(put, path = "/api/favorites/{id}", operation_id = "addFavorite", params(("id" = String, Path, description = "procedure id")), responses((status = 200, description = "Done", body = [String]), (status = 400, description = "Bad input", body = ErrorBody), (status = 401, description = "Not signed in", body = ErrorBody), (status = 403, description = "Not allowed", body = ErrorBody), (status = 404, description = "Not found", body = ErrorBody)), security(("bearer" = [])))]
pub(super) async fn add_favorite(
    State(s): State<AppState>,
    Auth(user, _): Auth,
    Path(id): Path<String>,
) -> Reply<Vec<String>> {
    answer(s.set_favorite(&user, &id, true)?)
}

#[utoipa::path(delete, path = "/api/favorites/{id}", operation_id = "removeFavorite", params(("id" = String, Path, description = "procedure id")), responses((status = 200, description = "Done", body = [String]), (status = 400, description = "Bad input", body = ErrorBody), (status = 401, description = "Not signed in", body = ErrorBody), (status = 403, description = "Not allowed", body = ErrorBody), (status = 404, description = "Not found", body = ErrorBody)), security(("bearer" = [])))]
pub(super) async fn remove_favorite(
    State(s): State<AppState>,
    Auth(user, _): Auth,
    Path(id): Path<String>,
) -> Reply<Vec<String>> {
    answer(s.set_favorite(&user, &id, false)?)
}

#[utoipa::path(post, path = "/api/me/email", operation_id = "changeEmail", request_body = EmailTwiceRequest, responses((status = 200, description = "Link sent to the new address", body = Sent), (status = 400, description = "Bad input", body = ErrorBody), (status = 401, description = "Not signed in", body = ErrorBody)), security(("bearer" = [])))]
pub(super) async fn change_email(
    State(s): State<AppState>,
    Auth(user, _): Auth,
    Body(b): Body<EmailTwiceRequest>,
) -> Reply<Sent> {
    s.change_email(&user, &b.email, &b.email_again)?;
    answer(Sent { sent: true })
}

#[utoipa::path(post, path = "/api/me/email/confirm", operation_id = "confirmEmailChange", request_body = TokenRequest, responses((status = 200, description = "Address changed", body = ConfirmedEmail), (status = 400, description = "Bad input", body = ErrorBody)))]
pub(super) async fn confirm_email_change(
    State(s): State<AppState>,
    Body(b): Body<TokenRequest>,
) -> Reply<ConfirmedEmail> {
    answer(ConfirmedEmail {
        email: s.confirm_email_change(&b.token)?,
    })
}
