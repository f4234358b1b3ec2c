## Responses, thresholds and the members' record (issue "Pressure where it counts").

# Staff: recording a response, and a petition's thresholds.
responses-title = Responses and thresholds
responses-back = Back to delivery
responses-link = Responses and thresholds
responses-recorded = Responses recorded
responses-none = No response recorded yet.
response-record-heading = Record a response
response-record-note = Signers who asked for updates receive it by email, in their language where the petition has it.
response-who = Who answered
response-who-choose = Choose who answered
response-who-recipients = Recipients of this petition
response-received = Date received
response-received-hint = As on the letter or email: year-month-day, for example 2026-12-03.
response-stance = What they said
response-stance-acknowledged = Acknowledged the petition
response-stance-supports = Supports the petition
response-stance-opposes = Opposes the petition
response-stance-no_reply = No reply yet
response-lang = Language of the reply
response-body = The reply, in their words
response-body-hint = Quote them. Needed unless there is no reply yet.
response-document = The letter (PDF, optional)
response-document-hint = A PDF of up to { $mb } MB. It is published with the response.
response-record = Record and tell the signers
done-response-recorded = The response is recorded, and signers who asked for updates will receive it.
response-update-title = { $who }: { $stance }
response-update-no-text = They have not replied yet. We will tell you when they do.
error-response-who = Choose who answered, from this petition's recipients or the members of the Lok Sabha
error-response-date = Give the date as year-month-day (2026-12-03), not in the future
error-response-stance = Choose what they said
error-response-lang = Choose the language of the reply
error-response-document-type = The letter must be a PDF file
error-response-document-size = The letter must be at most 5 MB
thresholds-heading = Thresholds
thresholds-hint = What happens when the petition reaches a number of signatures. They are shown as a timeline on its page.
thresholds-none = No thresholds yet.
threshold-signatures = Number of signatures
threshold-text = What happens then, in { $language }
threshold-add = Add the threshold
threshold-remove = Remove
done-threshold-saved = The thresholds are saved.
error-threshold-signatures = Give a whole number of signatures, from 1 to 10,00,00,000

# The petition page: its timeline and responses.
timeline-heading = What has happened
timeline-opened = The petition opened
timeline-threshold = At { $count ->
    [one] { $count } signature
   *[other] { $count } signatures
}
timeline-reached = Reached on { $date }
timeline-to-go = { $count ->
    [one] { $count } more signature needed
   *[other] { $count } more signatures needed
}
responses-heading = Responses
response-member = { $name }, Member of Parliament for { $constituency }
response-document-link = Read the letter (PDF, { $kb } KB)
responses-record-link = See which members have answered

# The members' record.
reps-title = Members of Parliament: who has answered
reps-lede = Each member receives a pack with the signatures of their own constituents. The days count from the day the pack was delivered until the member answers.
reps-state = State
reps-all-states = All states
reps-show = Show
reps-member = Member
reps-constituency = Constituency
reps-party = Party
reps-delivered = Petitions delivered
reps-answered = Answered
reps-waiting = Waiting
reps-days = { $n ->
    [one] { $n } day
   *[other] { $n } days
}
reps-nothing-delivered = Nothing delivered yet
reps-vacant = Vacant seat
rep-back = All members
rep-petitions = Petitions
rep-petition = Petition
rep-signatures = Signatures from { $constituency }
rep-delivered-on = Delivered
rep-not-delivered = Not delivered yet
rep-reply = Reply
rep-no-reply = No reply yet
rep-days = Days waited
rep-none = No petition has signatures from this constituency yet.
browse-responded = Only petitions a member or a ministry has answered
footer-representatives = Members of Parliament: who has answered
