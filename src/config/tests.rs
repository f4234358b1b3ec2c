//! The configuration's unit tests: what is refused, and named.

use super::*;

#[test]
fn proxies_accept_addresses_and_ranges() {
    let p = parse_proxies("127.0.0.1, 10.0.0.0/8,::1").unwrap();
    assert_eq!(p.len(), 3);
    assert!(p[1].contains(&"10.1.2.3".parse::<IpAddr>().unwrap()));
    let e = parse_proxies("10.0.0.0/8,nonsense").unwrap_err();
    assert_eq!(e.var, "TRUSTED_PROXIES");
}

fn production_ready() -> Settings {
    let mut s = Settings::for_tests("sqlite://x.db");
    s.env = Environment::Production;
    s.captcha = Some(Captcha {
        sitekey: "k".into(),
        secret: "s".into(),
        verify_url: DEFAULT_VERIFY_URL.into(),
    });
    s.smtp_url = Some("smtps://u:p@mail.example:465".into());
    s.base_url = "https://petitions.example".into();
    s.secret_key = b"3f9a1c7e5b2d8046af13c9e7b5d20864".to_vec();
    s
}

#[test]
fn production_refuses_development_settings() {
    assert!(production_ready().check_production().is_ok());
    let refused = |change: &dyn Fn(&mut Settings)| {
        let mut s = production_ready();
        change(&mut s);
        s.check_production().unwrap_err().var
    };
    assert_eq!(refused(&|s| s.captcha = None), "HCAPTCHA_SITEKEY");
    assert_eq!(refused(&|s| s.smtp_url = None), "SMTP_URL");
    assert_eq!(
        refused(&|s| s.base_url = "http://petitions.example".into()),
        "BASE_URL"
    );
}

#[test]
fn production_refuses_weak_settings() {
    let refused = |change: &dyn Fn(&mut Settings)| {
        let mut s = production_ready();
        change(&mut s);
        s.check_production().err().map(|e| e.var)
    };
    assert_eq!(
        refused(&|s| s.secret_key = vec![b'a'; 64]),
        Some("SECRET_KEY")
    );
    assert_eq!(
        refused(&|s| s.secret_key = b"abababababababababababababababab".to_vec()),
        Some("SECRET_KEY")
    );
    assert_eq!(
        refused(&|s| s.smtp_url = Some("smtp://u:p@mail.example:587".into())),
        Some("SMTP_URL")
    );
    assert_eq!(
        refused(&|s| s.smtp_url = Some("smtp://u:p@mail.example:587?tls=opportunistic".into())),
        Some("SMTP_URL")
    );
    assert_eq!(
        refused(&|s| s.smtp_url = Some("smtp://u:p@mail.example:587?tls=required".into())),
        None
    );
    assert_eq!(
        refused(&|s| s.smtp_url = Some("smtp://127.0.0.1:25".into())),
        None,
        "a local relay without credentials"
    );
    assert_eq!(
        refused(&|s| s.captcha.as_mut().unwrap().verify_url =
            "http://api.hcaptcha.com/siteverify".into()),
        Some("HCAPTCHA_VERIFY_URL")
    );
    for broad in ["0.0.0.0/0", "::/0", "10.0.0.1, 0.0.0.0/1"] {
        assert_eq!(
            refused(&|s| s.trusted_proxies = parse_proxies(broad).unwrap()),
            Some("TRUSTED_PROXIES"),
            "{broad}"
        );
    }
    assert_eq!(
        refused(&|s| s.trusted_proxies = parse_proxies("10.0.0.0/8,::1").unwrap()),
        None
    );
}

#[test]
fn smtp_connections_are_between_1_and_256() {
    assert_eq!(smtp_connections(None).unwrap(), 16);
    assert_eq!(smtp_connections(Some("1")).unwrap(), 1);
    assert_eq!(smtp_connections(Some("256")).unwrap(), 256);
    for refused in ["0", "257", "-1", "many", "4.5"] {
        let e = smtp_connections(Some(refused)).unwrap_err();
        assert_eq!(e.var, "SMTP_CONNECTIONS", "{refused}");
        assert!(e.message.contains("1 to 256"), "{}", e.message);
    }
}

#[test]
fn smtp_max_per_second_is_unlimited_unless_set() {
    assert_eq!(smtp_max_per_second(None).unwrap(), None);
    assert_eq!(
        smtp_max_per_second(Some("10")).unwrap().map(|n| n.get()),
        Some(10)
    );
    for refused in ["0", "-5", "ten", "0.5"] {
        let e = smtp_max_per_second(Some(refused)).unwrap_err();
        assert_eq!(e.var, "SMTP_MAX_PER_SECOND", "{refused}");
        assert!(e.message.contains("unset for no limit"), "{}", e.message);
    }
}
