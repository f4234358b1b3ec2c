//! The tables, one description for both backends (the SQL for each lives in `migrations/`).

diesel::table! {
    states (code) {
        code -> Text,
        name -> Text,
        name_hi -> Text,
        kind -> Text,
        eci_code -> Text,
        seats -> Integer,
    }
}

diesel::table! {
    constituencies (pc_id) {
        pc_id -> Text,
        state_code -> Text,
        pc_no -> Integer,
        name -> Text,
        name_hi -> Text,
        reservation -> Text,
    }
}

diesel::table! {
    pincodes (pin_code) {
        pin_code -> Text,
        state_code -> Text,
        all_states -> Text,
        primary_pc_id -> Nullable<Text>,
    }
}

diesel::table! {
    recipients (id) {
        id -> BigInt,
        kind -> Text,
        name -> Text,
        name_hi -> Text,
        email -> Nullable<Text>,
        postal_address -> Nullable<Text>,
        seed_key -> Nullable<Text>,
        name_bn -> Text,
    }
}

diesel::table! {
    petitions (id) {
        id -> BigInt,
        status -> Text,
        lang -> Text,
        goal -> BigInt,
        signature_count -> BigInt,
        created_at -> Timestamp,
        opened_at -> Nullable<Timestamp>,
        closes_at -> Nullable<Timestamp>,
        closed_at -> Nullable<Timestamp>,
        creator_id -> Nullable<BigInt>,
        other_recipients -> Text,
        share_key -> Nullable<Text>,
        submitted_at -> Nullable<Timestamp>,
        decided_at -> Nullable<Timestamp>,
        decision -> Nullable<Text>,
        decision_reason -> Nullable<Text>,
        decision_message -> Nullable<Text>,
        milestones -> Integer,
        anonymised_at -> Nullable<Timestamp>,
        show_starter -> Bool,
        featured -> Bool,
    }
}

diesel::table! {
    /// Confirmed signatures per petition and India's day (UTC+05:30), kept by the counter.
    daily_counts (petition_id, day) {
        petition_id -> BigInt,
        day -> Date,
        count -> BigInt,
    }
}

diesel::table! {
    users (id) {
        id -> BigInt,
        email -> Text,
        name -> Text,
        password_hash -> Nullable<Text>,
        role -> Text,
        email_confirmed_at -> Nullable<Timestamp>,
        session_epoch -> Integer,
        lang -> Text,
        created_at -> Timestamp,
        deleted_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    user_tokens (token_hash) {
        token_hash -> Text,
        user_id -> BigInt,
        purpose -> Text,
        created_at -> Timestamp,
        expires_at -> Timestamp,
        used_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    petition_updates (id) {
        id -> BigInt,
        petition_id -> BigInt,
        author_id -> BigInt,
        title -> Text,
        body -> Text,
        status -> Text,
        created_at -> Timestamp,
        decided_at -> Nullable<Timestamp>,
        decided_by -> Nullable<BigInt>,
        fanout_after -> BigInt,
        fanout_done_at -> Nullable<Timestamp>,
        emailed -> BigInt,
        lang -> Text,
        title_tr -> Text,
        body_tr -> Text,
        response_id -> Nullable<BigInt>,
    }
}

diesel::table! {
    petition_texts (petition_id, lang) {
        petition_id -> BigInt,
        lang -> Text,
        title -> Text,
        action -> Text,
        background -> Text,
    }
}

diesel::table! {
    petition_recipients (petition_id, recipient_id) {
        petition_id -> BigInt,
        recipient_id -> BigInt,
    }
}

diesel::table! {
    signatures (id) {
        id -> BigInt,
        petition_id -> BigInt,
        email -> Text,
        name -> Text,
        pin_code -> Text,
        state_code -> Text,
        pc_id -> Text,
        show_name -> Bool,
        deliver_name -> Bool,
        updates -> Bool,
        lang -> Text,
        created_at -> Timestamp,
        confirmed_at -> Nullable<Timestamp>,
        counted -> Bool,
        sends -> Integer,
        email_canonical -> Text,
        network -> Nullable<Text>,
        ip_hash -> Nullable<Text>,
        email_domain -> Text,
        disposable -> Bool,
        form_seconds -> Nullable<Integer>,
        honeypot -> Bool,
        held -> Bool,
        invalidation_id -> Nullable<BigInt>,
        rolled -> Bool,
        key_id -> Nullable<Text>,
        consent_version -> Nullable<Text>,
        anonymised_at -> Nullable<Timestamp>,
        source -> Nullable<Text>,
    }
}

diesel::table! {
    signature_minutes (petition_id, minute) {
        petition_id -> BigInt,
        minute -> Timestamp,
        signed -> BigInt,
        disposable -> BigInt,
        too_fast -> BigInt,
        honeypot -> BigInt,
    }
}

diesel::table! {
    signature_rollup (petition_id, dimension, hour, key) {
        petition_id -> BigInt,
        dimension -> Text,
        hour -> Timestamp,
        key -> Text,
        n -> BigInt,
    }
}

diesel::table! {
    invalidations (id) {
        id -> BigInt,
        petition_id -> BigInt,
        criteria -> Text,
        reason -> Text,
        matched -> BigInt,
        created_at -> Timestamp,
        created_by -> Text,
        cancelled_at -> Nullable<Timestamp>,
        cancelled_by -> Nullable<Text>,
    }
}

diesel::table! {
    integrity_rules (id) {
        id -> BigInt,
        kind -> Text,
        scope -> Nullable<Text>,
        value -> Text,
        burst -> Nullable<Integer>,
        sustained -> Nullable<Integer>,
        action -> Text,
        note -> Text,
        hits -> BigInt,
        created_at -> Timestamp,
        created_by -> Text,
    }
}

diesel::table! {
    disposable_domains (domain) {
        domain -> Text,
        imported_at -> Timestamp,
    }
}

diesel::table! {
    mail_suppressions (email_canonical) {
        email_canonical -> Text,
        reason -> Text,
        detail -> Text,
        created_at -> Timestamp,
        email_sealed -> Nullable<Text>,
    }
}

diesel::table! {
    spike_alerts (petition_id) {
        petition_id -> BigInt,
        alerted_at -> Timestamp,
        recent_per_minute -> Double,
        trailing_per_minute -> Double,
    }
}

diesel::table! {
    signature_tokens (token_hash) {
        token_hash -> Text,
        signature_id -> BigInt,
        created_at -> Timestamp,
    }
}

diesel::table! {
    outbox (id) {
        id -> BigInt,
        kind -> Text,
        recipient -> Text,
        subject -> Text,
        body_text -> Text,
        body_html -> Text,
        attempts -> Integer,
        next_attempt_at -> Timestamp,
        locked_until -> Nullable<Timestamp>,
        sent_at -> Nullable<Timestamp>,
        failed_at -> Nullable<Timestamp>,
        last_error -> Nullable<Text>,
        created_at -> Timestamp,
        unsubscribe_url -> Nullable<Text>,
        key_id -> Nullable<Text>,
        recipient_index -> Nullable<Text>,
    }
}

diesel::table! {
    state_counts (petition_id, state_code) {
        petition_id -> BigInt,
        state_code -> Text,
        count -> BigInt,
    }
}

diesel::table! {
    constituency_counts (petition_id, pc_id) {
        petition_id -> BigInt,
        pc_id -> Text,
        count -> BigInt,
    }
}

diesel::table! {
    letter_templates (lang) {
        lang -> Text,
        body -> Text,
        updated_at -> Timestamp,
        updated_by -> Text,
    }
}

diesel::table! {
    /// A petition's picture in each width made, by the digest of its upload (src/images.rs).
    image_files (digest, width) {
        digest -> Text,
        width -> Integer,
        height -> Integer,
        bytes -> Binary,
    }
}

diesel::table! {
    petition_images (petition_id) {
        petition_id -> BigInt,
        digest -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    petition_image_alts (petition_id, lang) {
        petition_id -> BigInt,
        lang -> Text,
        alt -> Text,
    }
}

diesel::table! {
    outbox_attachments (id) {
        id -> BigInt,
        outbox_id -> BigInt,
        filename -> Text,
        content_type -> Text,
        data -> Binary,
    }
}

diesel::table! {
    deliveries (id) {
        id -> BigInt,
        petition_id -> BigInt,
        recipient_kind -> Text,
        pc_id -> Nullable<Text>,
        recipient_id -> Nullable<BigInt>,
        recipient_name -> Text,
        email -> Text,
        signatures -> BigInt,
        outbox_id -> BigInt,
        created_at -> Timestamp,
        created_by -> Text,
    }
}

diesel::table! {
    staff_jobs (id) {
        id -> BigInt,
        kind -> Text,
        petition_id -> BigInt,
        status -> Text,
        done -> BigInt,
        total -> BigInt,
        file -> Nullable<Text>,
        error -> Nullable<Text>,
        created_by -> Text,
        created_at -> Timestamp,
        heartbeat_at -> Timestamp,
        finished_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    consent_texts (version) {
        version -> Text,
        lang -> Text,
        texts -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    privacy_requests (id) {
        id -> BigInt,
        kind -> Text,
        email_sealed -> Text,
        email_index -> Text,
        name_sealed -> Text,
        message_sealed -> Text,
        lang -> Text,
        status -> Text,
        answer -> Text,
        created_at -> Timestamp,
        due_at -> Timestamp,
        answered_at -> Nullable<Timestamp>,
        answered_by -> Nullable<Text>,
    }
}

diesel::table! {
    /// What a member or a ministry answered to a petition, as staff recorded it.
    responses (id) {
        id -> BigInt,
        petition_id -> BigInt,
        pc_id -> Nullable<Text>,
        recipient_id -> Nullable<BigInt>,
        responder -> Text,
        stance -> Text,
        received_on -> Date,
        lang -> Text,
        body -> Text,
        document_bytes -> Nullable<BigInt>,
        created_at -> Timestamp,
        created_by -> BigInt,
    }
}

diesel::table! {
    response_documents (response_id) {
        response_id -> BigInt,
        bytes -> Binary,
    }
}

diesel::table! {
    petition_thresholds (petition_id, signatures, lang) {
        petition_id -> BigInt,
        signatures -> BigInt,
        lang -> Text,
        text -> Text,
    }
}

diesel::table! {
    /// Tokens for partner groups' systems (`/osdi/v1`); only the token's hash is kept.
    api_tokens (id) {
        id -> BigInt,
        name -> Text,
        source -> Text,
        token_hash -> Text,
        created_at -> Timestamp,
        created_by -> Nullable<BigInt>,
        revoked_at -> Nullable<Timestamp>,
        last_used_at -> Nullable<Timestamp>,
    }
}

diesel::joinable!(constituencies -> states (state_code));
diesel::joinable!(responses -> petitions (petition_id));
diesel::joinable!(deliveries -> petitions (petition_id));
diesel::joinable!(constituency_counts -> petitions (petition_id));
diesel::joinable!(response_documents -> responses (response_id));
diesel::joinable!(outbox_attachments -> outbox (outbox_id));
diesel::joinable!(deliveries -> outbox (outbox_id));
diesel::joinable!(petition_texts -> petitions (petition_id));
diesel::joinable!(petition_images -> petitions (petition_id));
diesel::joinable!(petition_recipients -> petitions (petition_id));
diesel::joinable!(petition_recipients -> recipients (recipient_id));
diesel::joinable!(signatures -> petitions (petition_id));
diesel::joinable!(daily_counts -> petitions (petition_id));
diesel::joinable!(signatures -> invalidations (invalidation_id));
diesel::joinable!(invalidations -> petitions (petition_id));
diesel::joinable!(signature_tokens -> signatures (signature_id));
diesel::joinable!(petitions -> users (creator_id));
diesel::joinable!(user_tokens -> users (user_id));
diesel::joinable!(petition_updates -> petitions (petition_id));

diesel::allow_tables_to_appear_in_same_query!(
    daily_counts,
    states,
    constituencies,
    pincodes,
    recipients,
    petitions,
    petition_texts,
    petition_recipients,
    petition_images,
    petition_image_alts,
    image_files,
    signatures,
    signature_tokens,
    outbox,
    state_counts,
    constituency_counts,
    representatives,
    audit_log,
    consent_texts,
    privacy_requests,
    users,
    user_tokens,
    petition_updates,
    letter_templates,
    outbox_attachments,
    deliveries,
    staff_jobs,
    invalidations,
    integrity_rules,
    disposable_domains,
    mail_suppressions,
    spike_alerts,
    signature_minutes,
    signature_rollup,
    responses,
    response_documents,
    petition_thresholds,
    api_tokens,
);

diesel::table! {
    representatives (pc_id) {
        pc_id -> Text,
        name -> Text,
        party -> Text,
        email -> Nullable<Text>,
        postal_address -> Nullable<Text>,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    audit_log (id) {
        id -> BigInt,
        at -> Timestamp,
        actor -> Text,
        action -> Text,
        petition_id -> Nullable<BigInt>,
        details -> Text,
        row_count -> BigInt,
    }
}
