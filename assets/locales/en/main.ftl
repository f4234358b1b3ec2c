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
progress-label = Progress towards the goal
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
back-to-petition = Back to the petition
back-home = Go to the home page

confirmed-title = Thank you: your signature is confirmed
confirmed-body = Your signature on “{ $title }” is now counted. It takes a petition many voices to be heard: please share it.
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
email-already-subject = You have already signed: { $title }
email-already-body = Someone, probably you, tried to sign “{ $title }” again with this email address. Your signature is already confirmed and counted once.
email-share-prompt = You can help by sharing the petition:
email-footer = Hastakshar: petitions that reach the people who can act.
