### The reception server's e-mails (crates/server mail_text.rs): each message is the subject,
### its `.body` the text. Sent in the account's language; without one, English then Japanese.
### (helper labels, issue 17)

## Accounts

mail-register-confirm = Zairyu: confirm your e-mail address
    .body =
        Open this link within 24 hours to continue your registration (it works once):
        { $url }

        Or paste this code into Zairyu: { $code }
mail-user-id = Zairyu: your user ID
    .body = Your user ID is { $user_id }.
mail-staff-user-id = Zairyu: your user ID
    .body = Your user ID is { $user_id } (staff of { $organisation }).
mail-password-changed = Zairyu: your password was changed
    .body = The password of your Zairyu account was changed, and every other sign-in ended. If this was not you, set a new password with “forgot password”.
mail-password-reset = Zairyu: reset your password
    .body = Code to set a new password (24 hours, once): { $code }
mail-email-in-use = Zairyu: e-mail address change
    .body = Someone asked to move a Zairyu account to this address, but an account already uses it, so nothing was changed. Use “forgot user ID” if you need that account's ID.
mail-email-change-confirm = Zairyu: confirm your new e-mail address
    .body = Code to confirm this address (24 hours, once): { $code }
mail-email-changed = Zairyu: your e-mail address was changed
    .body = The e-mail address of your Zairyu account was changed; messages now go to the new address. If this was not you, contact the reception office.

## Organisations

mail-staff-invitation = Zairyu: invitation for organisation staff
    .body =
        You are invited to register as { $kind } of { $organisation } ({ $organisation_id }).
        In Zairyu choose “Register with an invitation” and enter this code within 7 days (it works once):
        { $code }
mail-staff-kind-school = Staff Member of the Organization
mail-staff-kind-attorney = Attorney / Administrative Procedures Legal Specialist

## Applications

mail-application-received = Zairyu: application received
    .body =
        Reference number: { $reference }
        Temporary reception number: { $temporary }
        Status: { $status }
mail-resubmission-received = Zairyu: resubmission received
    .body = Your changed application { $reference } (version { $version }) was received.
mail-application-accepted = Zairyu: application accepted
    .body = Your application { $reference } (temporary reception number { $temporary }) was accepted: its status is now { $status }.
mail-status-changed = Zairyu: your application
    .body = The status of your application { $reference } is now: { $status }
mail-revision-requested = Zairyu: your application
    .body = Your application { $reference } needs changes: { $message }
mail-receipt-method-changed = Zairyu: method of receipt changed
    .body =
        Your application for change of method of receipt was received.
        Application: { $reference } ({ $number_kind } { $number })
        Classification of change: { $classification }
        Method of receipt now: { $method }
mail-copy = Copy
    .body = A copy of the notice sent to { $name } ({ $user_id }), for whom you filed { $reference }.
