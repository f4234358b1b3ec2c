## /privacy/contact: writing to the grievance officer.
privreq-title = Write to our grievance officer
privreq-intro = Ask for a copy of your data, a correction or an erasure, name someone to act for you, or complain about how we handled your data. We answer within 90 days. For your own signatures, the quickest way is the "Manage my signature" link in any of our emails.
privreq-kind = What it is about
privreq-kind-access = A copy of my data
privreq-kind-correction = Correcting my data
privreq-kind-erasure = Erasing my data
privreq-kind-grievance = A complaint
privreq-kind-nominee = Naming someone to act for me
privreq-kind-other = Something else
privreq-name = Your name
privreq-email = Email address
privreq-email-hint = We answer here. If it is about a signature, use the address you signed with.
privreq-message = Your request
privreq-send = Send my request
privreq-received-title = We have your request
privreq-received-body = Your reference is { $reference }. We will answer by { $due } at the latest, by email; we have sent you a copy of this.

## /admin/privacy: answering.
privreq-staff-title = Privacy requests
privreq-requests-heading = Requests to the grievance officer
privreq-none = No request so far.
privreq-received = Received
privreq-due = Answer by
privreq-days-left = { $days ->
    [one] { $days } day left
   *[other] { $days } days left
}
privreq-overdue = { $days ->
    [one] Overdue by { $days } day
   *[other] Overdue by { $days } days
}
privreq-status = Status
privreq-status-open = Open
privreq-status-answered = Answered
privreq-status-closed = Closed
privreq-answer = Answer
privreq-answer-hint = Emailed to the requester when the status is no longer "Open".
privreq-save = Save
privreq-saved = Saved; the answer is on its way to the requester.
privreq-lookup-heading = What we hold for one address
privreq-lookup-intro = Every look-up is written to the audit log (not the address).
privreq-lookup-button = Look up
privreq-lookup-nothing = Nothing held for this address.
privreq-lookup-signatures = Its signatures
privreq-lookup-emails = { $count ->
    [one] One email sent to it is on record (kind and date only).
   *[other] { $count } emails sent to it are on record (kind and date only).
}

## Emails.
email-privreq-received-subject = We have your request (reference { $reference })
email-privreq-received-body = Our grievance officer has your request, reference { $reference }. We will answer by { $due } at the latest.
email-privreq-answer-subject = Our answer to your request (reference { $reference })
email-privreq-answer-intro = Here is our grievance officer's answer to your request, reference { $reference }:

## A campaigner's own data.
account-data-heading = Your account's data
account-data-body = Download everything your account holds: your name, email address, and every petition you started with its texts.
account-data-button = Download my account's data
account-delete-intro = Deleting your account removes your name, email address and password. Your petitions stay, with their signatures, credited to no one by name. We email you a link to confirm.
account-delete-request = Delete my account…
account-delete-sent-title = Check your email
account-delete-sent-body = We have sent a link to your email address. Your account is deleted only when you press the button it leads to, within an hour.
account-delete-title = Delete your account
account-delete-body = Your name, email address and password will be deleted, and you will be logged out everywhere. Your petitions stay, credited to no one by name. This cannot be undone.
account-delete-button = Delete my account
account-deleted-title = Your account is deleted
account-deleted-body = We no longer hold your name or email address. Your petitions remain, without your name.
email-account-delete-subject = Confirm: delete your account
email-account-delete-body = { $hours ->
    [one] Someone logged in to your account asked to delete it. To confirm, press the button within { $hours } hour. If it was not you, change your password.
   *[other] Someone logged in to your account asked to delete it. To confirm, press the button within { $hours } hours. If it was not you, change your password.
}
account-delete-keep = Keep my account
privreq-col-name = Name
privreq-col-message = Request
privreq-col-language = Written in
privreq-col-consents = Consents given
