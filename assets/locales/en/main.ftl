site-name = Hastakshar
skip-to-content = Skip to the main content
language = Language
footer-privacy = We use your email address only to confirm your signature, and to send updates if you ask for them. Your name is shown or delivered only if you say so.
footer-api = Open data: petitions and counts as JSON

home-heading = Petitions
home-lede = Add your name. Confirm by email. Every confirmed signature is counted by state and by Lok Sabha constituency and delivered to the people who can act.
home-empty = There are no open petitions right now.
signatures-of-goal = { $count ->
    [one] signature
   *[other] signatures
} of a goal of { $goal }
progress-label = Progress towards the next milestone: { $milestone }
milestone-more = { $more } more needed to reach { $milestone }
milestone-goal-reached = The goal is reached. Keep signing and sharing: every name adds weight.
signatures = Signatures
state = State

petition-asks = What we ask
petition-to = To
petition-why = Why it matters
petition-closed = This petition is closed and takes no more signatures.
by-state-heading = Where the signatures come from
recent-heading = Recent signatures
all-figures = Every state and constituency (JSON)

sign-heading = Sign this petition
error-summary = There is a problem with your signature
error-title-prefix = Error
field-name = Your name
field-email = Email address
field-pin-code = PIN code
field-state = State or union territory
field-constituency = Lok Sabha constituency
field-h-captcha-response = Human check
hint-name = As you would like it to appear, if you agree to show it.
hint-email = We will send you a link to confirm your signature.
hint-constituency = Chosen from your PIN code where we can; change it if it is wrong.
lookup-button = Find my state and constituency from my PIN code
choose-state = Choose your state
choose-constituency = Choose your constituency
consents-legend = Your choices (each is off unless you tick it)
consent-show-name = Show my name on the petition page
consent-deliver-name = Include my name in the list delivered to the petition's recipients
consent-updates = Email me updates about this petition
captcha-needs-js = The human check needs JavaScript. If you cannot use it, please write to the campaign.
sign-button = Sign the petition
sign-privacy = Your email address is never shown or given to anyone.

error-required = This is required.
error-too-long = This is too long.
error-name-link = A name cannot contain a link or a web address.
error-name-formula = A name cannot start with =, +, - or @.
error-name-control = Your name contains characters we cannot read. Please type it again.
error-email = Enter an email address like name@example.com.
error-pin-format = Enter a PIN code of six digits, like 110001.
error-pin-unknown = We do not know this PIN code. Please check it.
error-pin-state = This PIN code is not in the state you chose.
error-state = Choose a state or union territory from the list.
error-constituency = Choose a constituency from the list.
error-constituency-state = This constituency is not in the state you chose.
error-captcha = Please complete the human check and try again.

check-email-title = Check your email
check-email-body = We have sent you an email. Click the link in it to confirm your signature on “{ $title }”. Your signature is counted only once you confirm.
check-email-spam = If it has not arrived in a few minutes, look in your spam or promotions folder.
check-email-support-body = We have sent you an email. Open the link in it to confirm your support for the new petition. Your support counts only once you confirm.
support-with-moderators-title = This petition is with the moderators
support-with-moderators-body = It has gathered the supporters it needed and is being checked before it opens to everyone. If you have already confirmed your support, it is kept and counts when the petition opens. Come back to this link later to sign it.
back-to-petition = Back to the petition
back-home = Go to the home page

confirm-prompt-title = Confirm your signature
confirm-prompt-body = Press the button to confirm your signature on “{ $title }”. It is counted once you do.
confirm-prompt-button = Confirm my signature
confirmed-title = Thank you: your signature is confirmed
confirmed-body = Your signature on “{ $title }” is now counted. It takes a petition many voices to be heard: please share it.
confirm-expired-title = This confirmation link has expired
confirm-expired-body = Links to confirm a signature work for a limited time, and this one is too old: your signature has not been counted yet. Ask for a new link and open it soon.
confirm-expired-button = Send me a new link
new-link-sent = We have sent a new confirmation link to the address you signed with. Open it to have your signature counted.
not-counted-title = This petition no longer takes signatures
not-counted-body = The petition has closed or been taken down, so your signature could not be counted. Thank you for your support.
already-confirmed-title = Your signature is already counted
already-confirmed-body = You have already confirmed your signature on “{ $title }”. It is counted once.

share-heading = Share this petition
share-message = I signed “{ $title }”. Will you sign too?
share-email = Email
share-copy-label = Link to this petition
share-copy = Copy link
share-copied = Copied

retry-after = Please try again in { $minutes ->
    [one] a minute
   *[other] { $minutes } minutes
}.
error-400-title = We could not read that request
error-400-body = Please go back and try again.
error-404-title = Page not found
error-404-body = The page or link you followed does not exist. If you typed the address, check it. If you followed a confirmation link, copy the whole link from the email.
error-410-title = This is no longer available
error-410-body = What you are looking for has been removed.
error-413-title = That was too much
error-413-body = What you sent is larger than we accept.
error-422-title = Please check what you entered
error-422-body = Some of what you entered could not be accepted.
error-429-title = Too many attempts
error-429-body = We have had many signatures from your connection in a short time. This protects the petition from fake signatures.
error-500-title = Something went wrong
error-500-body = Sorry, something went wrong on our side. Nothing you sent was lost by you: please try again in a moment.
error-503-title = Service briefly unavailable
error-503-body = We could not check your signature just now. Nothing was saved. Please try again in a minute.

email-greeting = Hello,
email-confirm-subject = Confirm your signature: { $title }
email-confirm-intro = Thank you for signing “{ $title }”. Please confirm your signature by opening this link:
email-confirm-button = Confirm my signature
email-petition-link = The petition:
email-link-fallback = If the button does not work, copy this link into your browser:
email-confirm-only-then = Your signature is counted only after you confirm it.
email-not-you = If you did not sign this petition, ignore this email: nothing will be counted and we will not write to you again about it.
email-already-not-you = If it was not you, there is nothing to do: nothing has changed, and the signature is still counted once.
email-already-subject = You have already signed: { $title }
email-already-body = Someone, probably you, tried to sign “{ $title }” again with this email address. Your signature is already confirmed and counted once.
email-support-subject = Confirm your support for a new petition
email-support-intro = Thank you for supporting a new petition before it opens to the public. Please confirm your support with the button below; the page it opens shows the petition.
email-support-button = Confirm my support
email-support-already-subject = Your support is already counted
email-support-already-body = Someone, probably you, tried to support a new petition again with this email address. Your support is already confirmed and counted once.
email-share-prompt = You can help by sharing the petition:
email-footer = Hastakshar: petitions that reach the people who can act.

## Accounts
error-403-title = Not allowed
error-403-body = You do not have permission to do this. If you think you should, log in with the right account, or reload the form and try again.
form-error-summary = There is a problem
error-choose = Choose one of the options given.
error-control = This contains characters we cannot read. Please type it again.
error-login = The email address or the password is not right.
error-login-unconfirmed = Please confirm your email address first: open the link in the email we sent when you signed up. If you cannot find it, ask for a new password: that email confirms your address too.
error-password-short = Use at least 10 characters. A few words together make a strong password.
error-password-email = Your password cannot be your email address.
error-recipients = Choose at least one recipient, or name one.
error-goal = Enter a whole number of signatures, from 1 upwards.
error-date = Enter a date like 2027-03-31.
error-closes-range = Choose a closing date from tomorrow up to the latest date allowed.
error-decision-state = This petition has moved on since the page was loaded: nothing was changed.
account-name = Your name
account-password = Password
account-password-hint = At least 10 characters. A few words together make a strong password.
account-menu = Your account
signup-title = Create an account
signup-lede = Start petitions, gather supporters and keep your signers informed.
signup-button = Create account
signup-have-account = Already have an account?
login-title = Log in
login-button = Log in
login-forgot = Forgotten your password?
login-no-account = New here?
logout-button = Log out
account-confirm-title = Confirm your email address
account-confirm-body = Press the button to confirm this address for your account; you are then logged in.
account-check-email-title = Check your email
account-check-email-body = We have sent you an email. Follow the link in it to confirm your address and continue.
link-expired-title = This link has expired
link-expired-body = The link has been used already or is too old. Ask for a new one and use it within the time it gives.
reset-title = Reset your password
reset-lede = Enter your account's email address and we will send you a link to choose a new password.
reset-button = Send the link
reset-sent-title = Check your email
reset-sent-body = If an account uses that address, we have sent it a link to choose a new password. The link works for one hour.
new-password-title = Choose a new password
new-password-button = Save the password
start-petition = Start a petition

## Starting a petition
new-petition-title = Start a petition
edit-petition = Edit the petition
petition-field-lang = Language of the petition
petition-field-title = Title
petition-field-action = What it asks for
petition-field-background = Why it matters
petition-field-title-tr = Title, translated
petition-field-action-tr = What it asks for, translated
petition-field-background-tr = Why it matters, translated
petition-field-recipients = Who it is addressed to
petition-field-other-recipients = Someone else
petition-field-goal = Signature goal
petition-field-closes-on = Closing date
hint-at-most = { $n ->
    [one] At most { $n } character.
   *[other] At most { $n } characters.
}
hint-markdown = At most 3,000 characters. You can use **bold**, *italic*, [links](https://example.org), lists starting with "- " and headings starting with "## ".
hint-other-recipients = Optional: a person or body not in the list, for example a state government.
hint-goal = How many signatures you are aiming for.
hint-closes-on = The petition closes at the end of this day. The latest date allowed is { $date }.
hint-translation = Optional: the petition in the other language, so more people can read it.
petition-translation = Translation (optional)
petition-preview = Preview
petition-preview-button = Preview
petition-save-button = Save draft
similar-heading = Similar open petitions: you could sign one of these instead
petition-goal = Goal
petition-closes = Closes

## The creator's dashboard
dashboard-title = Your petitions
dashboard-petitions = Petitions
dashboard-empty = You have not started a petition yet.
dashboard-confirm-email = Please confirm your email address with the link we sent you: a petition can gather supporters only after that.
dashboard-back = Back to your petitions
dashboard-col-petition = Petition
dashboard-col-status = Status
dashboard-col-confirmed = Confirmed signatures
dashboard-col-unconfirmed = Not yet confirmed
dashboard-undeliverable = Undeliverable (bounced or reported as spam)
confirmation-rate-reachable = Confirmed, of those we could reach
figures-heading = Figures
chart-per-day = Confirmed signatures per day
status-draft = Draft
status-gathering = Gathering supporters
status-pending = Waiting for moderation
status-changes = Changes requested
status-open = Open
status-closed = Closed
status-hidden = Hidden
status-rejected = Rejected
status-update-pending = Waiting for approval
status-update-approved = Published
status-update-rejected = Not approved
submit-for-support = Ask for supporters
resubmit = Send back to the moderators
submit-hint = Your petition goes to moderation once { $count ->
    [one] { $count } person has
   *[other] { $count } people have
} confirmed their support through its share link.
gathering-progress = { $count } of the { $needed ->
    [one] { $needed } supporter
   *[other] { $needed } supporters
} needed { $count ->
    [one] has
   *[other] have
} confirmed. Share the link below with people who will support it.
gathering-notice = This petition is gathering its first supporters. Once enough have signed, it is checked by our moderators before it is published.
pending-explained = Our moderators are reviewing your petition. We will email you when they decide.
changes-requested = The moderators have asked for changes:
rejected-explained = The moderators did not publish this petition. Reason:
notice-saved = Saved.
notice-email-confirmed = Your email address is confirmed.
notice-gathering = Your petition is ready for its first supporters: share its link.
notice-pending = Sent to the moderators.
notice-confirm-first = Please confirm your email address first, with the link we sent you.
notice-not-allowed = This petition cannot be sent on in its present state.
petition-closed-final = This petition is closed. It gathered { $count ->
    [one] { $count } signature
   *[other] { $count } signatures
}.

## Updates
updates-heading = Updates
write-update = Write an update to the signers
update-new-title = An update on “{ $title }”
update-explained = A moderator approves each update before it is published on the petition and emailed to the signers who asked for news.
update-field-title = Title
update-field-body = The update
update-send-button = Send for approval
update-emailed = emailed to { $count }
unsubscribe-title = Stop updates from this petition?
unsubscribe-body = You will get no more updates about this petition. Your signature still counts.
unsubscribe-button = Unsubscribe
unsubscribed-title = You are unsubscribed
unsubscribed-body = You will get no more updates about this petition. Your signature still counts.

## Moderation
moderation-title = Moderation
moderation-back = Back to the moderation queue
queue-heading = Petitions waiting: { $count }
queue-empty = Nothing is waiting.
queue-col-waiting = Waiting for
queue-col-supporters = Supporters
age-hours = { $n } h
age-days = { $n ->
    [one] { $n } day
   *[other] { $n } days
}
waiting-for = waiting for { $age }
updates-queue-heading = Updates waiting: { $count }
approve-update = Approve and send
reject-update = Do not publish
review-title = Review: { $title }
decision-heading = Decision
review-own-petition = You started this petition, so another moderator must decide on it.
decision-action = Decision
decision-approve = Approve: publish the petition
decision-changes = Send back for changes
decision-reject = Reject
decision-hide = Hide from the public
decision-reason = Reason for rejecting
decision-reason-hint = Needed to reject.
decision-message = Message to the creator
decision-message-hint = Needed unless you approve. The creator receives it by email.
decision-button = Record the decision
choose-reason = Choose a reason
reason-duplicate = It duplicates a petition already open
reason-not-actionable = It is not something the recipients can act on
reason-offensive = It is offensive
reason-private-person = It names or harms a private person
reason-other = Other
users-title = Accounts
users-search = Email contains
users-col-role = Role
users-change = Change
search-button = Search
role-campaigner = Campaigner
role-moderator = Moderator
role-admin = Admin
audit-title = Audit log
audit-details = Details
audit-older = Older entries

## Emails about accounts and petitions
email-hello-name = Hello { $name },
email-account-confirm-subject = Confirm your email address
email-account-confirm-body = Thank you for creating an account. Please confirm your email address:
email-account-confirm-button = Confirm my address
email-account-not-you = If this was not you, ignore this email: nothing happens without the link.
email-account-exists-subject = Someone tried to create an account with your address
email-account-exists-body = Someone, perhaps you, tried to create an account with this email address. You already have one.
email-account-exists-login = To log in:
email-account-exists-reset = If you have forgotten your password:
email-reset-subject = Choose a new password
email-reset-body = Follow this link to choose a new password. It works once, within { $hours ->
    [one] { $hours } hour
   *[other] { $hours } hours
}.
email-reset-button = Choose a new password
email-reset-not-you = If you did not ask for this, ignore this email: your password stays as it is.
email-moderator-note = A note from the moderators:
email-open-petition = Your petition:
email-supported-subject = “{ $title }” is with the moderators
email-supported-body = Enough people have confirmed their support for “{ $title }”. Our moderators are now reviewing it, and we will email you when they decide.
email-approved-subject = “{ $title }” is published
email-approved-body = Good news: “{ $title }” has been approved and is now open for signatures. Share it widely.
email-rejected-subject = “{ $title }” was not published
email-rejected-body = Our moderators did not publish “{ $title }”.
email-changes-subject = Changes needed to “{ $title }”
email-changes-body = Our moderators have asked for changes to “{ $title }”. Edit it from your dashboard and send it back to them.
email-hidden-subject = “{ $title }” has been hidden
email-hidden-body = Our moderators have hidden “{ $title }” from the public.
email-half-subject = “{ $title }” is halfway to its goal
email-half-body = “{ $title }” has { $count ->
    [one] { $count } signature
   *[other] { $count } signatures
}: half its goal. Keep sharing it.
email-goal-subject = “{ $title }” has reached its goal
email-goal-body = “{ $title }” has reached its goal with { $count ->
    [one] { $count } signature
   *[other] { $count } signatures
}. Thank you, and keep going.
email-closed-subject = “{ $title }” has closed
email-closed-body = “{ $title }” has closed with { $count ->
    [one] { $count } signature
   *[other] { $count } signatures
}.
email-update-intro = An update on the petition “{ $title }”, which you signed:
email-unsubscribe = To stop updates about this petition, one click:

## Delivery packs
pack-letter-default =
    Dear { "{" }member{ "}" },

    We are { "{" }national_count{ "}" } people across India who have signed the petition “{ "{" }title{ "}" }”. { "{" }count{ "}" } of us live in your constituency, { "{" }constituency{ "}" }, and { "{" }state_count{ "}" } in { "{" }state{ "}" }.

    We ask: { "{" }action{ "}" }

    We ask you to raise our call in Parliament and to support it with your vote. The full text of the petition follows, with the names of your constituents who asked for their name to be passed on to you.

    With respect,
    The signers of “{ "{" }title{ "}" }”
pack-member-of = Member of Parliament for { $constituency }, { $state }
pack-member-vacant = The Member of Parliament
pack-member = Member of Parliament
pack-from-constituency = Signers in { $constituency }
pack-from-state = Signers in { $state }
pack-national = Signers across India
pack-ran = The petition ran
pack-ran-open = since { $opened }, still open
pack-ran-closed = { $opened } to { $closed }
pack-petition-asks = What the petition asks
pack-petition-why = Why
pack-names-heading = Signers in { $constituency } who asked for their name to be delivered: { $count }
pack-names-none = None of the signers in this constituency asked for their name to be passed on; they are counted above.
pack-names-note = Only the names of signers who asked for them to be delivered are listed. Every confirmed signature is counted in the figures.
pack-ministry-intro = { $count ->
    [one] { $count } person across India has
   *[other] { $count } people across India have
} signed the petition “{ $title }”. Their signatures, confirmed one by one by email, are set out below by state and by Lok Sabha constituency.
pack-states-with = States and union territories with signers
pack-constituencies-with = Constituencies with signers
pack-per-day = Confirmed signatures per day
pack-by-state = Signatures by state and union territory
pack-by-constituency = Signatures by Lok Sabha constituency
email-pack-subject = Petition “{ $title }”: { $count ->
    [one] { $count } signature
   *[other] { $count } signatures
}
email-pack-greeting = Dear { $name },
email-pack-body = Please find attached the petition “{ $title }”, signed by { $count ->
    [one] { $count } person
   *[other] { $count } people
}, with the figures for you and the names of those who asked for them to be delivered. The document can be printed.

## Delivering a petition (staff)
deliver-heading = Open and closed petitions: deliver
delivery-link = Deliver this petition
delivery-title = Deliver “{ $title }”
delivery-back = Back to the delivery page
delivery-total = { $count ->
    [one] { $count } confirmed signature
   *[other] { $count } confirmed signatures
}, from { $pcs ->
    [one] { $pcs } constituency
   *[other] { $pcs } constituencies
}.
delivery-pack-language = Language of the packs
exports-heading = Exports
export-signatures = Confirmed signatures (names only of signers who consented to delivery)
export-signatures-emails = Confirmed signatures with the email of signers who agreed to be contacted (admins)
export-counts-state = Counts by state
export-counts-constituency = Counts by constituency, with each member
exports-note = Every export is written to the audit log. CSV files open in Excel with Hindi intact.
packs-heading = Delivery packs
pack-ministry-link = The ministry's pack (PDF)
pack-one = The pack for one constituency
pack-open = Open the pack
pack-zip = Make a zip of every pack
job-title = Zip of every pack
job-running = Working
job-done = Ready
job-failed = Failed
job-leave = You can leave this page and come back: the work goes on.
job-download = Download the zip
job-kept = The zip is deleted { $hours } { $hours ->
    [one] hour
   *[other] hours
} after it was made: it holds signers' names.
job-deleted = The zip has been deleted, as every zip is once it has been kept long enough (it holds signers' names). Make a new one from the delivery page.
send-heading = Send the packs by email
send-preview = { $to_send ->
    [one] { $to_send } recipient
   *[other] { $to_send } recipients
} will get their pack by email; { $no_email ->
    [one] { $no_email } has
   *[other] { $no_email } have
} no email address (print and post theirs); { $done ->
    [one] { $done } has
   *[other] { $done } have
} had theirs already.
send-list = Who will receive a pack
send-no-email = Recipients without an email address
send-dry-run = Dry run: count, send nothing
send-button = Send the packs
deliveries-caption = Packs sent
delivery-recipient = Recipient
delivery-state = State
delivery-error = Error
delivery-queued = Queued
delivery-sent = Sent
delivery-failed = Failed
delivery-retry = Try again
delivered-members = Delivered to { $count ->
        [one] { $count } member
       *[other] { $count } members
    } of Parliament on { $date }.
delivered-members-ministry = Delivered to { $count ->
        [one] { $count } member
       *[other] { $count } members
    } of Parliament and to the Ministry on { $date }.
recipients-title = Recipients
recipients-ministries = Ministries and other recipients
recipients-members = Members of the Lok Sabha
recipients-search = Name, party, constituency, state or code
recipient-name = Name
recipient-party = Party
recipient-postal = Postal address
recipient-save = Save
letters-title = Letter to members
letters-lede = The letter that opens each member's pack. These placeholders are filled in for each constituency:
letters-save = Save the letters
audit-unfinished = broke off

## Integrity: the sign form's honeypot, the console, rules, the method page, the spike email
honeypot-label = Leave this field empty
error-network = Enter a network range such as 198.51.100.0/24, or one address.
error-network-narrow = Signatures keep their /24 (IPv6: /48) network and no finer: enter a whole /24, or one address.
error-network-wide = That range is too wide: enter at most a /16 (IPv6: /40).
error-domain = Enter a domain such as example.com.
error-time = Enter a time such as 2026-12-02T10:30 (UTC), or a date.
error-time-order = The end must come after the start.
error-flag = Choose one of the flags offered.
error-criteria-none = Give at least one criterion: a whole petition is never invalidated by accident.
error-rule-kind = Choose what the rule matches.
error-rule-scope = Choose what the rate counts.
error-rule-limit = Enter a whole number from 1 to 1,000,000.
error-rule-rate = Give a burst, a sustained rate, or both.
error-rule-value = Enter the value this kind of rule matches (see the hint).
error-rule-action = Choose hold or block.
integrity-title = Integrity: { $title }
integrity-back = Back to the petition's review
integrity-window = Time window
integrity-window-hour = Last hour
integrity-window-day = Last day
integrity-window-all = Whole petition
integrity-rate = Signing now: { $recent } a minute over the last five minutes, against { $trailing } a minute over the hour before.
integrity-spike = Spike: signed { $recent } times a minute over the last five minutes, against { $trailing } a minute over the hour before. Moderators have been emailed.
integrity-summary = { $count ->
    [one] { $count } signature in this window
   *[other] { $count } signatures in this window
} (invalidated ones left out)
integrity-flags = Flags raised
integrity-col-flag = Flag
integrity-col-count = Signatures
integrity-col-share = Share
integrity-col-when = When
integrity-col-state = State
integrity-flag-any = Any
integrity-flag-disposable = Disposable email domain
integrity-flag-too_fast = Too fast (or not from our form)
integrity-flag-honeypot = Filled in the hidden field
integrity-flag-held = Held by a rule
integrity-chart-minute = Signatures per minute
integrity-chart-quarter = Signatures per quarter of an hour
integrity-chart-day = Signatures per day
integrity-top-networks = Top networks
integrity-top-domains = Top email domains
integrity-top-constituencies = Top constituencies
integrity-unknown = unknown
integrity-none = None.
integrity-held = { $count ->
    [one] { $count } signature held
   *[other] { $count } signatures held
} for a moderator
integrity-release = Release { $count ->
    [one] the held signature
   *[other] all { $count } held signatures
}: they count once confirmed
integrity-held-invalidate = To invalidate them instead, choose the flag "Held by a rule" below.
integrity-invalidate = Invalidate signatures
integrity-invalidate-hint = Choose the criteria, see how many signatures match, then apply. Nothing changes until you press the second button. Every criterion given must match.
integrity-field-network = Network
integrity-field-domain = Email domain
integrity-field-address = Email address
integrity-field-since = Signed from
integrity-field-until = Signed before
integrity-field-constituency = Constituency
integrity-field-flag = Flag
integrity-field-reason = Reason
integrity-hint-network = A /24 (IPv6: /48), a range up to a /16, or one address.
integrity-hint-time = UTC, for example 2026-12-02T10:30.
integrity-hint-until = UTC, for example 2026-12-02T10:30. Left empty, it becomes the moment you preview, so what you apply is what you saw.
integrity-hint-constituency = Its code, for example S24-77.
integrity-hint-reason = Shown in public on the petition's method page: say why, and name no address or network.
integrity-preview-button = See how many match
integrity-preview-again = Count again
integrity-preview = { $count ->
    [one] { $count } signature matches.
   *[other] { $count } signatures match.
}
integrity-preview-none = No signature matches: there is nothing to invalidate.
integrity-preview-changed = The number changed since you looked.
integrity-apply = Invalidate { $count ->
    [one] { $count } signature
   *[other] { $count } signatures
}
integrity-invalidations = Invalidations
integrity-cancel = Cancel: count { $count ->
    [one] { $count } signature
   *[other] { $count } signatures
} again
integrity-cancelled = Cancelled { $date }
integrity-done-invalidated = { $count ->
    [one] { $count } signature invalidated.
   *[other] { $count } signatures invalidated.
} The counts drop at once.
integrity-done-cancelled = Invalidation cancelled: { $count ->
    [one] { $count } signature counts
   *[other] { $count } signatures count
} again within seconds.
integrity-done-released = { $count ->
    [one] { $count } signature released.
   *[other] { $count } signatures released.
}
integrity-done-nothing = Nothing matched any more: nothing changed.
integrity-lookup = Look up one address
integrity-lookup-button = Look up
integrity-lookup-none = No signature from that address on this petition.
integrity-state-counted = Counted
integrity-state-waiting = Waiting for confirmation
integrity-state-held = Held by a rule
integrity-state-invalidated = Invalidated
integrity-signed-at = Signed
integrity-confirmed-at = Confirmed
integrity-form-seconds = Seconds the form was open
integrity-no-stamp = not sent from our form
rules-title = Integrity rules
rules-intro = Every server obeys these rules within seconds. Hold keeps a signature and sends its confirmation email, but it does not count until a moderator releases it; block stores and sends nothing. The signer sees the same page either way.
rules-none = No rules yet.
rules-add = Add a rule
rules-add-button = Add the rule
rules-done-added = Rule added.
rules-done-removed = Rule removed.
rules-unreadable = Rules { $ids } are stored in a form this version cannot read; they are not in force.
rule-field-kind = Matches
rule-field-scope = Rate counted per
rule-field-value = Value
rule-field-burst = Burst: at most this many a minute
rule-field-sustained = Sustained: at most this many an hour
rule-field-action = Action
rule-field-note = Note for staff
rule-hint-value = A network (198.51.100.0/24), a domain (example.com), an address pattern (bot*@example.com), or for "too fast" the fewest seconds a person takes. Not needed for a rate, disposable domains or the honeypot.
rule-hint-scope = For a rate only. Rates count signatures on the same petition.
rule-hint-action = Hold: kept and not counted until released. Block: nothing stored or sent.
rule-hits = Matched
rule-remove = Remove
rule-remove-label = Remove rule { $id }
rule-kind-rate = A rate
rule-kind-network = A network range
rule-kind-domain = An email domain
rule-kind-address = An address pattern
rule-kind-disposable = Disposable email domains
rule-kind-too_fast = A form sent too fast
rule-kind-honeypot = The hidden field filled in
rule-scope-ip = client address
rule-scope-network = network
rule-scope-domain = email domain
rule-scope-petition = whole petition
rule-action-hold = Hold
rule-action-block = Block
rule-burst-is = over { $count } a minute
rule-sustained-is = over { $count } an hour
rule-too-fast-is = under { $count } seconds
method-link = How signatures are counted
method-title = How signatures are counted: { $title }
method-back = Back to the petition “{ $title }”
method-how = How a signature counts
method-person = A signature counts only once the signer opens the link we email them and presses the button to confirm. Mail scanners that open links confirm nothing.
method-once = One signature per person: different spellings of one email address (capitals, dots in a Gmail address, a +tag) count once.
method-checks = With each signature we keep a few signals to spot automated waves: the network it came from (not the full address), the email's domain, how long the form was open. They are erased with the rest of the signer's data.
method-held = Signatures that match a rule against abuse are held: they do not count unless a moderator releases them.
method-invalidated = When staff find a wave of fake signatures, they invalidate it: those signatures stop counting, and the invalidation is listed below with its date and reason.
method-figures = The figures
method-counted = Counted (confirmed by a person)
method-waiting = Waiting for confirmation
method-held-count = Held for a moderator
method-invalidated-count = Invalidated
method-lag = A confirmation reaches the count within seconds.
method-invalidations = Invalidations
method-invalidations-none = No signatures on this petition have been invalidated.
method-invalidation-count = { $count ->
    [one] { $count } signature
   *[other] { $count } signatures
} invalidated
method-restored = (cancelled on { $date }: they count again)
email-spike-subject = Spike on “{ $title }”
email-spike-body = The petition “{ $title }” was signed { $recent } times a minute over the last five minutes, against { $trailing } a minute over the hour before. It may be news; it may be a wave. The console shows where the signatures come from.
email-spike-console = Open the integrity console

## The petition page's facts and sign action (issue "Look like a campaign people trust")
petition-started-by = Started by { $name }
petition-opened-on = Opened { $date }
petition-closes-on = Closes { $date }
petition-closed-on = Closed { $date }
signed-today = { $count ->
    [one] { $shown } person signed today
   *[other] { $shown } people signed today
}
sign-jump = Sign this petition
you-signed = You signed this petition. Thank you!
you-signed-share = Now ask a friend to sign: share it.
petition-field-show-starter = Show my name on the petition as the person who started it
hint-show-starter = Your name as on your account. Leave this unticked to start it without your name.
sign-later-title = Not signed yet
sign-later-body = Too many signatures have come from your connection in a short time, so this one was not sent. Nothing you typed is lost: it is all still in the form below.

## The staff console: its navigation bar, the petitions list, and what each action did
staff-nav = Staff pages
staff-nav-moderation = Moderation
staff-nav-petitions = Petitions and delivery
staff-nav-recipients = Recipients
staff-nav-letters = Letters
staff-nav-rules = Integrity rules
staff-nav-privacy = Privacy requests
staff-nav-users = Users
staff-nav-audit = Audit log
staff-petitions-title = Petitions
staff-petitions-hint = Public petitions, newest first. The home page leads with the featured ones, then the most signed.
staff-petitions-empty = No petition is public yet.
staff-featured = Featured
staff-feature = Feature on the home page
staff-unfeature = Take off the home page
staff-public-page = Public page
staff-integrity = Integrity
staff-delivery = Delivery
done-approve = Approved: the petition is open and its starter has been emailed.
done-changes = Sent back: the starter has been emailed what to change.
done-reject = Rejected: the starter has been emailed the reason.
done-hide = Hidden: the petition is no longer public.
done-update-approved = Update approved: it is on the petition's page and on its way to subscribers.
done-update-rejected = Update rejected.
done-role = The role was changed.
done-featured = The home page now leads with this petition.
done-unfeatured = The petition is no longer featured on the home page.
done-queued = { $n ->
    [one] Sent: { $shown } pack is queued.
   *[other] Sent: { $shown } packs are queued.
} The table below shows each one as it goes.
done-dry-run = Dry run, nothing was sent: { $n ->
    [one] it would send { $shown } pack
   *[other] it would send { $shown } packs
}, and { $missing ->
    [one] { $missing_shown } recipient has no email address
   *[other] { $missing_shown } recipients have no email address
}.
done-retried = The pack will be sent again.
done-saved = Saved.
send-why-all-done = Nothing to send: every recipient with an email address has their pack already.
send-why-no-email = Nothing to send by email: { $count ->
    [one] the { $shown } recipient left has no email address
   *[other] the { $shown } recipients left have no email address
}. Add addresses on the Recipients page, or print their packs and post them.

## The campaigner's dashboard
steps-heading = What happens next
step-done = Done:
step-write = Write your petition. You can edit it until you send it on.
step-supporters = Send it to your first supporters: { $count } must sign through its private link.
step-moderation = Our moderators check it against the rules, and open it or tell you what to change.
step-open = It opens to everyone: share it, and write updates to your signers.
dashboard-public-link = See the public page
dashboard-support-link = See the page your first supporters sign
chart-empty = A chart of signatures per day appears here once people start signing.
confirmation-rate-words = { $reachable_n ->
    [one] { $confirmed } of the { $reachable } person whose email reached them has confirmed
   *[other] { $confirmed } of the { $reachable } people whose email reached them have confirmed
} their signature ({ $rate }%). A signature counts only once confirmed; the others have not opened their link yet.
confirmation-rate-bounced = { $count ->
    [one] { $shown } address could not be reached (the email bounced or was marked as spam).
   *[other] { $shown } addresses could not be reached (the email bounced or was marked as spam).
}

## The audit log, one readable row per entry: who, then what they did
audit-action-petition-approve = approved a petition
audit-action-petition-reject = rejected a petition
audit-action-petition-changes = asked for changes to a petition
audit-action-petition-hide = hid a petition
audit-action-petition-feature = changed what the home page features
audit-action-update-write = wrote an update
audit-action-update-approve = approved an update
audit-action-update-reject = rejected an update
audit-action-user-role = changed an account's role
audit-action-export-signatures = exported signatures
audit-action-export-counts = exported counts
audit-action-deliver-pack = opened a delivery pack
audit-action-deliver-packs = wrote the delivery packs
audit-action-deliver-packs-zip = made the zip of delivery packs
audit-action-deliver-send = sent the delivery packs
audit-action-deliver-send-dry-run = tried a dry run of sending the packs
audit-action-deliver-retry = sent a pack again
audit-action-recipient-edit = edited a recipient
audit-action-representative-edit = edited a member of Parliament
audit-action-letter-edit = edited the letter
audit-action-import-representatives = imported the members of Parliament
audit-action-rule-add = added an integrity rule
audit-action-rule-remove = removed an integrity rule
audit-action-signatures-release = released held signatures
audit-action-signatures-invalidate = invalidated signatures
audit-action-invalidation-cancel = cancelled an invalidation
audit-action-import-disposable-domains = imported the disposable email domains
audit-action-signatures-lookup = looked up an address's signatures
audit-action-signer-link = asked for a link to manage their signatures
audit-action-signer-withdraw = withdrew a signature
audit-action-signer-consents = changed their consents
audit-action-signer-download = downloaded their data
audit-action-signer-erase = erased their data
audit-action-retention-anonymise = anonymised a closed petition's signers
audit-action-privacy-lookup = looked up what one address holds
audit-action-privacy-answer = answered a privacy request
audit-action-account-download = downloaded their account's data
audit-action-account-delete = deleted their account
audit-action-keys-rotate = sealed data again under the current key
audit-on-petition = on petition { $id }
audit-row-count = { $count ->
    [one] { $shown } row
   *[other] { $shown } rows
}
audit-at = { $date } at { $time } UTC
recipients-missing-email = Only members without an email address
recipients-none = No member matches.
recipients-showing = Showing { $from } to { $to } of { $total } members.
recipients-pages = Pages of members
page-previous = Previous page
page-next = Next page
page-of = Page { $page } of { $pages }
update-preview-heading = How your update will read
update-preview-button = Preview
update-preview-untranslated = Readers in { $lang } will get it as written above, untranslated.
update-translation-hint = The same update in { $lang }, for signers who read it (optional; without it they get the update above).

## A petition's picture (its creator's page, and the public page's figure)
image-title = Picture for your petition
image-back = Back to your petition
image-current = The picture now
image-remove = Remove the picture
image-consent = Use only a picture you have the right to use. Never show the face of a survivor, or of a child, who could be recognised.
image-field = Picture
image-hint = JPEG, PNG or WebP, at most { $mb } MB, at least { $width } pixels wide. A picture taller than 4:3 or wider than 2:1 is trimmed about its centre. We keep only the picture itself, not the details hidden in its file (camera, place or date).
image-alt-label = What the picture shows, in { $language }
image-alt-hint = One sentence for people who cannot see it, such as "Women holding a banner outside Parliament".
image-upload = Upload the picture
image-link-add = Add a picture
image-link-change = Change the picture
done-image-saved = Picture saved. It shows under the count on the petition's page.
done-image-removed = Picture removed.
error-image-required = Choose a picture to upload
error-image-kind = The picture must be a JPEG, PNG or WebP file
error-image-too-large = The picture must be 5 MB or smaller
error-image-too-small = The picture must be at least 400 pixels wide
error-image-pixels = The picture has too many pixels: make it at most 6,000 pixels on its longest side
error-image-unreadable = The picture could not be read, perhaps because the file is damaged: save it again, or choose another

## The constituency map (/petitions/{id}/map, and the petition page's small map)
constituency = Constituency
map-label = Map of India's Lok Sabha constituencies, each shaded by how many people there signed
map-legend = Signatures in a constituency
map-legend-none = None yet
map-see-all = See every constituency on the map
map-heading = Signatures by constituency
map-heading-state = Signatures by constituency in { $state }
map-lede = { $shown } { $count ->
    [one] signature
   *[other] signatures
} from { $places ->
    [one] one constituency
   *[other] { $places } constituencies
}.
map-state-label = Show one state or union territory
map-state-all = All of India
map-state-show = Show
map-table-caption = Signatures in each constituency, most first
map-member = Member of Parliament
map-vacant = Vacant
map-unsigned = { $count ->
    [one] One constituency has
   *[other] { $count } constituencies have
} no signer yet.
map-states-label = Map of India's states and union territories, each shaded by how many people there signed

## Where signers came from (partners' ?source= links)
sources-heading = Where signers came from
sources-source = Link's source
sources-none = Without a source
sources-hint = Give each group its own link to count what its outreach brings in: { $url } followed by a name of your choosing, such as bihar-network (letters, digits and dashes).
embed-hint = To put the petition on a group's own website, with its signing form, paste this into the page (change the source to the group's name):

## Browsing petitions (/petitions) and the feed
browse-all = See every petition
browse-title = All petitions
browse-search = Search the titles and what they ask
browse-status = Which
browse-status-all = Open and closed
browse-status-open = Open, still taking signatures
browse-status-closed = Closed
browse-sort = In what order
browse-sort-signed = Most signed first
browse-sort-new = Newest first
browse-sort-closing = Closing soonest first
browse-delivered = Only petitions delivered to their recipients
browse-show = Show
browse-found = { $count ->
    [one] One petition.
   *[other] { $shown } petitions.
}
browse-pages = Pages
browse-previous = Previous page
browse-next = Next page
browse-page-of = Page { $page } of { $pages }
browse-feed = New petitions as a feed (Atom)
feed-title = New petitions on Hastakshar

# The map, zoomed with JavaScript.
map-zoom-in = Zoom in
map-zoom-out = Zoom out
map-zoom-reset = Show all
