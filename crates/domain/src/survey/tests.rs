use super::*;

const SHIPPED: &str = include_str!("../../../../rules/surveys/evaluasi-sosialisasi.toml");

fn template() -> SurveyTemplate {
    parse_survey_template("evaluasi-sosialisasi.toml", SHIPPED).unwrap()
}

fn form(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect()
}

#[test]
fn the_shipped_template_has_every_kind_of_question() {
    let t = template();
    let kinds: Vec<&str> = t.questions.iter().map(|q| q.kind.as_str()).collect();
    for kind in ["single", "multiple", "scale", "text"] {
        assert!(kinds.contains(&kind), "{kind} missing from {kinds:?}");
    }
}

#[test]
fn a_complete_form_reads_into_answers() {
    let t = template();
    let response = read_response(
        &t,
        &form(&[
            ("q_manfaat", "5"),
            ("q_pemahaman", "4"),
            ("q_like_boleh", "tidak_boleh"),
            ("q_topik_jelas", "sanksi"),
            ("q_topik_jelas", "medsos"),
            ("q_saran", "  Lebih banyak contoh  "),
        ]),
    )
    .unwrap();
    assert_eq!(response.answers["manfaat"], AnswerValue::Scale(5));
    assert_eq!(
        response.answers["topik_jelas"],
        AnswerValue::Choices(vec!["medsos".into(), "sanksi".into()]),
        "template order"
    );
    assert_eq!(
        response.answers["saran"],
        AnswerValue::Text("Lebih banyak contoh".into())
    );
}

#[test]
fn every_wrong_answer_is_named_at_once() {
    let t = template();
    let problems = read_response(
        &t,
        &form(&[
            ("q_manfaat", "6"),
            ("q_like_boleh", "mungkin"),
            ("q_topik_jelas", "medsos"),
            ("q_topik_jelas", "lainnya"),
        ]),
    )
    .unwrap_err();
    let named: Vec<(&str, &str)> = problems
        .iter()
        .map(|p| (p.question.as_str(), p.problem))
        .collect();
    assert_eq!(
        named,
        vec![
            ("manfaat", "survey-error-scale"),
            ("pemahaman", "survey-error-required"),
            ("like_boleh", "survey-error-choice"),
            ("topik_jelas", "survey-error-choice"),
        ]
    );
}

#[test]
fn an_overlong_text_is_refused() {
    let t = template();
    let long = "a".repeat(MAX_TEXT_CHARS + 1);
    let problems = read_response(
        &t,
        &form(&[
            ("q_manfaat", "3"),
            ("q_pemahaman", "3"),
            ("q_like_boleh", "boleh"),
            ("q_saran", &long),
        ]),
    )
    .unwrap_err();
    assert_eq!(problems[0].question, "saran");
    assert_eq!(problems[0].problem, "survey-error-too-long");
}

#[test]
fn results_count_choices_and_average_scales() {
    let t = template();
    let answer = |manfaat: &str, like: &str, topics: &[&str]| {
        let mut f = form(&[
            ("q_manfaat", manfaat),
            ("q_pemahaman", "3"),
            ("q_like_boleh", like),
        ]);
        f.extend(
            topics
                .iter()
                .map(|v| ("q_topik_jelas".to_owned(), (*v).to_owned())),
        );
        read_response(&t, &f).unwrap()
    };
    let responses = vec![
        answer("5", "tidak_boleh", &["medsos", "foto"]),
        answer("4", "tidak_boleh", &["medsos"]),
        answer("2", "boleh", &[]),
    ];
    let results = summarise(&t, &responses);
    let by_code = |code: &str| results.iter().find(|r| r.code == code).unwrap();
    match &by_code("manfaat").detail {
        ResultDetail::Scale { counts, mean } => {
            assert_eq!(counts, &vec![(1, 0), (2, 1), (3, 0), (4, 1), (5, 1)]);
            assert!((mean.unwrap() - 11.0 / 3.0).abs() < 1e-9);
        }
        other => panic!("{other:?}"),
    }
    match &by_code("like_boleh").detail {
        ResultDetail::Choices(counts) => {
            let n: Vec<(&str, u32)> = counts.iter().map(|(c, n)| (c.code.as_str(), *n)).collect();
            assert_eq!(n, vec![("boleh", 1), ("tidak_boleh", 2), ("tidak_tahu", 0)]);
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(by_code("topik_jelas").answered, 2);
    assert_eq!(by_code("saran").answered, 0);
    // 5 and 3 on two 1–5 scales: (100 + 50) / 2.
    assert_eq!(mean_score(&t, &responses[0]), Some(75.0));
}

#[test]
fn template_mistakes_name_the_field() {
    let cases = [
        (
            "code = \"x\"\ntitle = { id = \"a\", en = \"b\" }\n[[questions]]\ncode = \"q\"\nkind = \"single\"\nprompt = { id = \"a\", en = \"b\" }\noptions = [{ code = \"a\", label = { id = \"a\", en = \"a\" } }]\n",
            "questions[0].options",
        ),
        (
            "code = \"x\"\ntitle = { id = \"a\", en = \"b\" }\n[[questions]]\ncode = \"q\"\nkind = \"scale\"\nprompt = { id = \"a\", en = \"b\" }\nmin = 5\nmax = 1\nlow = { id = \"a\", en = \"b\" }\nhigh = { id = \"a\", en = \"b\" }\n",
            "questions[0].max",
        ),
        (
            "code = \"x\"\ntitle = { id = \"a\", en = \"b\" }\n[[questions]]\ncode = \"q\"\nkind = \"rating\"\nprompt = { id = \"a\", en = \"b\" }\n",
            "questions[0].kind",
        ),
        (
            "code = \"x\"\ntitle = { id = \"a\", en = \"b\" }\n[[questions]]\ncode = \"q\"\nkind = \"text\"\nprompt = { id = \"a\", en = \"b\" }\n[[questions]]\ncode = \"q\"\nkind = \"text\"\nprompt = { id = \"a\", en = \"b\" }\n",
            "questions[1].code",
        ),
    ];
    for (text, field) in cases {
        let error = parse_survey_template("t.toml", text).unwrap_err();
        assert!(error.to_string().contains(field), "{field}: {error}");
    }
}
