### The desktop notifications (crates/app status_watch.rs): shown by the OS outside the window.

## A status change

notification-title = Application status: { $status }
notification-body = { $procedure } (reference { $reference }) is now { $status }.
notification-body-returned = { $procedure } (reference { $reference }) is now { $status }. Open Zairyu to see what to change.

## The manual's names of the statuses (5.1)

notification-status-pending = Pending
notification-status-application_completed = Application completed
notification-status-under_review = Under review
notification-status-awaiting_issuance = Awaiting issuance
notification-status-in_return_process = In Return Process
notification-status-completed = Completed
notification-status-completed_not_permitted = Completed (not permitted)

## card-expiry helper (issue 16): the card's certificate ends too early for an application

notification-card-expiry-title = Your My Number Card's certificate ends too early
notification-card-expiry-before-decision = The card's user-authentication certificate ends on { $card }, before { $procedure } can be decided (about { $decision }). Renew the certificate at your city office before then, or apply in person at the immigration office.
notification-card-expiry-before-stay = The card's user-authentication certificate ends on { $card }, before your period of stay ends ({ $stay }). Renew it at your city office before { $card }.

## installed helper (issue 16): the card's certificate ends while a filed application is still examined
notification-card-expiry-while-pending = The card's user-authentication certificate ends on { $card }, while { $procedure } (reference { $reference }) is still being examined (a decision about { $decision }). After that day you cannot follow it up online: renew the certificate at your city office before { $card }.
