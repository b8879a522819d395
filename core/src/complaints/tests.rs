use super::*;

fn input() -> ComplaintInput {
    ComplaintInput { title: " چاپگر  خراب رسید ".into(), customer_id: "c1".into(), severity: Severity::High, ..Default::default() }
}

fn in_status(status: Status) -> Complaint {
    let new = validate(&input(), 100).unwrap();
    match status {
        Status::New => new,
        Status::InProgress => new.moved(Status::InProgress, "", 200).unwrap(),
        Status::Resolved => new.moved(Status::Resolved, "replaced", 200).unwrap(),
        Status::Closed => in_status(Status::Resolved).moved(Status::Closed, "", 300).unwrap(),
    }
}

#[test]
fn saving_the_form_opens_once_and_an_edit_keeps_status_and_history() {
    let env = crate::env::SeededEnv::new(9, 0);
    let opened = save(None, &input(), &env).unwrap().batch.unwrap().writes.remove(0).record;
    let mut stored = opened.read::<Complaint>().unwrap();
    assert_eq!((stored.status, stored.steps.len()), (Status::New, 1));
    stored = stored.moved(Status::InProgress, "", 5).unwrap();
    let moved = Record { fields: crate::store::to_fields(&stored), ..opened };
    let edit = ComplaintInput { title: "چاپگر دیر رسید".into(), ..input() };
    let saved = save(Some(&moved), &edit, &env).unwrap().batch.unwrap().writes.remove(0).record.read::<Complaint>().unwrap();
    assert_eq!(saved.title, "چاپگر دیر رسید");
    assert_eq!((saved.status, saved.steps, saved.opened_ms), (Status::InProgress, stored.steps, stored.opened_ms));
    assert!(matches!(save(None, &ComplaintInput::default(), &env), Err(SaveError::Invalid(_))));
}

#[test]
fn a_refused_move_is_a_step_not_allowed_and_a_missing_resolution_a_field_error() {
    assert_eq!(SaveError::from(in_status(Status::New).moved(Status::Closed, "", 1).unwrap_err()), SaveError::NotAllowed);
    assert!(matches!(SaveError::from(in_status(Status::New).moved(Status::Resolved, "", 1).unwrap_err()), SaveError::Invalid(e) if !e.is_empty()));
}

#[test]
fn every_transition_is_allowed_or_refused_by_the_table() {
    use Status::*;
    let table = [
        (New, New, false),
        (New, InProgress, true),
        (New, Resolved, true),
        (New, Closed, false),
        (InProgress, New, false),
        (InProgress, InProgress, false),
        (InProgress, Resolved, true),
        (InProgress, Closed, false),
        (Resolved, New, false),
        (Resolved, InProgress, true),
        (Resolved, Resolved, false),
        (Resolved, Closed, true),
        (Closed, New, false),
        (Closed, InProgress, true),
        (Closed, Resolved, false),
        (Closed, Closed, false),
    ];
    for (from, to, allowed) in table {
        let before = in_status(from);
        assert_eq!(before.status, from);
        assert_eq!(allowed_next(from).contains(&to), allowed, "{from:?} → {to:?}");
        match before.moved(to, "because", 1_000) {
            Ok(after) => {
                assert!(allowed, "{from:?} → {to:?} should be refused");
                assert_eq!(after.status, to);
                assert_eq!(after.steps.len(), before.steps.len() + 1);
                assert_eq!(after.steps.last(), Some(&ComplaintStep { at: 1_000, status: to, note: "because".into() }));
            }
            Err(e) => {
                assert!(!allowed, "{from:?} → {to:?} should be allowed");
                assert_eq!(e, StatusError::NotAllowed { from, to });
            }
        }
    }
}

#[test]
fn resolving_needs_a_note_which_becomes_the_resolution() {
    let c = in_status(Status::InProgress);
    let required = StatusError::Fields(vec![FieldError { field: Field::Notes, problem: Problem::Required }]);
    assert_eq!(c.moved(Status::Resolved, " \n ", 5), Err(required));
    let long = "x".repeat(MAX_TEXT + 1);
    let too_long = StatusError::Fields(vec![FieldError { field: Field::Notes, problem: Problem::TooLong { max: MAX_TEXT } }]);
    assert_eq!(c.moved(Status::Resolved, &long, 5), Err(too_long));
    let resolved = c.moved(Status::Resolved, " Replaced the toner ", 5).unwrap();
    assert_eq!(resolved.resolution, "Replaced the toner");
    assert_eq!(resolved.moved(Status::Closed, "", 6).unwrap().resolution, "Replaced the toner");
    // Other moves need no note.
    assert!(in_status(Status::New).moved(Status::InProgress, "", 5).is_ok());
    assert!(resolved.moved(Status::InProgress, "", 6).is_ok());
}

#[test]
fn a_reopened_complaint_counts_to_its_latest_resolution() {
    let c = validate(&input(), 100).unwrap();
    assert_eq!((c.resolved_at(), c.time_to_resolve_ms()), (None, None));
    let c = c.moved(Status::Resolved, "refunded", 200).unwrap();
    let c = c.moved(Status::Closed, "", 250).unwrap();
    assert_eq!((c.resolved_at(), c.time_to_resolve_ms()), (Some(200), Some(100)));
    let c = c.moved(Status::InProgress, "customer called back", 300).unwrap();
    assert_eq!((c.resolved_at(), c.time_to_resolve_ms(), c.resolution.as_str()), (None, None, ""));
    let c = c.moved(Status::Resolved, "replaced", 500).unwrap();
    assert_eq!((c.resolved_at(), c.time_to_resolve_ms()), (Some(500), Some(400)));
    let c = c.moved(Status::Closed, "", 600).unwrap();
    assert_eq!(c.time_to_resolve_ms(), Some(400));
    let statuses: Vec<Status> = c.steps.iter().map(|s| s.status).collect();
    use Status::*;
    assert_eq!(statuses, [New, Resolved, Closed, InProgress, Resolved, Closed]);
}

#[test]
fn a_new_complaint_needs_a_title_and_starts_as_new() {
    let c = validate(&input(), 100).unwrap();
    assert_eq!((c.title.as_str(), c.status, c.opened_ms), ("چاپگر خراب رسید", Status::New, 100));
    assert_eq!(c.steps, [ComplaintStep { at: 100, status: Status::New, note: String::new() }]);
    assert_eq!((c.channel, c.category, c.survey_response_id.as_str()), (Channel::Other, Category::Other, ""));
    let bad = ComplaintInput { title: "  ".into(), description: "x".repeat(MAX_TEXT + 1), ..input() };
    let got: Vec<(Field, Problem)> = validate(&bad, 0).unwrap_err().iter().map(|e| (e.field, e.problem)).collect();
    assert_eq!(got, [(Field::Subject, Problem::Required), (Field::Notes, Problem::TooLong { max: MAX_TEXT })]);
    let long = ComplaintInput { title: "x".repeat(MAX_SHORT + 1), ..input() };
    assert_eq!(validate(&long, 0).unwrap_err(), [FieldError { field: Field::Subject, problem: Problem::TooLong { max: MAX_SHORT } }]);
    // Anonymous: no customer is fine.
    assert!(validate(&ComplaintInput { customer_id: String::new(), ..input() }, 0).is_ok());
}

#[test]
fn edits_keep_status_history_and_the_survey_behind_it() {
    let c = Complaint::from_survey("c1", "r1", "NPS 2", Severity::High, 100).moved(Status::Resolved, "called", 200).unwrap();
    let edit = ComplaintInput { title: "Late delivery".into(), category: Category::Delivery, ..ComplaintInput::from_complaint(&c) };
    let e = c.edited(&edit).unwrap();
    assert_eq!((e.title.as_str(), e.category, e.status, e.resolution.as_str()), ("Late delivery", Category::Delivery, Status::Resolved, "called"));
    assert_eq!((e.survey_response_id.as_str(), e.opened_ms, e.steps.len()), ("r1", 100, 2));
    assert!(c.edited(&ComplaintInput::default()).is_err());
}

#[test]
fn a_survey_opens_a_new_service_complaint() {
    let c = Complaint::from_survey("c1", "r1", &format!(" {} ", "y".repeat(MAX_SHORT + 5)), Severity::Critical, 7);
    assert_eq!((c.channel, c.category, c.severity, c.status, c.opened_ms), (Channel::Survey, Category::Service, Severity::Critical, Status::New, 7));
    assert_eq!((c.customer_id.as_str(), c.survey_response_id.as_str(), c.title.chars().count()), ("c1", "r1", MAX_SHORT));
    assert_eq!(c.steps.len(), 1);
}

#[test]
fn serde_round_trips_and_defaults_what_is_missing() {
    let c = in_status(Status::Resolved);
    let json = serde_json::to_value(&c).unwrap();
    assert_eq!((json["status"].as_str(), json["channel"].as_str()), (Some("resolved"), Some("other")));
    assert_eq!(serde_json::from_value::<Complaint>(json).unwrap(), c);
    let old: Complaint = serde_json::from_str(r#"{"title":"t","status":"in_progress","category":"product_quality","future_field":1,"steps":[{"at":5}]}"#).unwrap();
    assert_eq!((old.status, old.category, old.severity, old.channel), (Status::InProgress, Category::ProductQuality, Severity::Medium, Channel::Other));
    assert_eq!((old.customer_id.as_str(), old.opened_ms), ("", 0));
    assert_eq!(old.steps, [ComplaintStep { at: 5, status: Status::New, note: String::new() }]);
}

#[test]
fn steps_read_as_opened_started_resolved_closed_and_reopened() {
    let step = |status| ComplaintStep { status, ..Default::default() };
    let complaint = Complaint {
        steps: vec![step(Status::New), step(Status::InProgress), step(Status::Resolved), step(Status::InProgress), step(Status::Resolved), step(Status::Closed), step(Status::InProgress)],
        ..Default::default()
    };
    use ComplaintEvent::*;
    let events: Vec<ComplaintEvent> = complaint.events().into_iter().map(|(_, e)| e).collect();
    assert_eq!(events, vec![Opened, Started, Resolved, Reopened, Resolved, Closed, Reopened]);
    let first_in_progress = Complaint { steps: vec![step(Status::InProgress)], ..Default::default() };
    assert_eq!(first_in_progress.events()[0].1, Opened, "the first step opened it");
}
