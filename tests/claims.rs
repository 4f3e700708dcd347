//! Claims (reported speech without quotation marks): one fixture per
//! construction, and the seed claims of FINDINGS.md.

use quotecheck::markup::Format;
use quotecheck::model::QuoteKind;

/// Each claim: (content, source name, anonymous, cue).
fn claims(text: &str) -> Vec<(String, String, bool, String)> {
    let a = quotecheck::extract_text(text, Format::Text);
    a.quotes
        .iter()
        .filter(|q| q.kind == QuoteKind::Indirect)
        .map(|q| {
            assert!(q.open.is_none() && q.close.is_none());
            let s = q.speaker.as_ref().expect("a claim has a source");
            (
                q.span.slice(text).to_string(),
                s.name.clone(),
                s.anonymous,
                q.cue.as_ref().map(|c| c.text.clone()).unwrap_or_default(),
            )
        })
        .collect()
}

fn page(body: &str) -> String {
    format!(
        "Council row\n\nThe council met on Monday evening to settle the budget for next year, and the meeting ran late into the night as members argued over the cuts.\n\n{body}\n"
    )
}

fn one(body: &str) -> (String, String, bool, String) {
    let text = page(body);
    let c = claims(&text);
    assert_eq!(c.len(), 1, "{body}: {c:?}");
    c.into_iter().next().unwrap()
}

#[test]
fn that_clause() {
    let c = one("Jane Porter said that the budget would be cut.");
    assert_eq!(c.0, "the budget would be cut");
    assert_eq!(c.1, "Jane Porter");
    assert_eq!(c.3, "said");
}

#[test]
fn bare_clause_and_pronoun_source() {
    let text = page("Jane Porter spoke first. She said the budget would be cut.");
    let c = claims(&text);
    assert_eq!(c.len(), 1, "{c:?}");
    assert_eq!(c[0].0, "the budget would be cut");
    assert_eq!(c[0].1, "Jane Porter");
}

#[test]
fn that_only_cue_needs_that() {
    let c = one("The treasurer conceded that the accounts were late.");
    assert_eq!(c.0, "the accounts were late");
    assert!(
        claims(&page(
            "The treasurer conceded the final match of the season."
        ))
        .is_empty()
    );
}

#[test]
fn told_with_addressee() {
    let c = one("Mr Smith told reporters that the deal was off.");
    assert_eq!(c.0, "the deal was off");
    assert_eq!(c.3, "told reporters");
    let c = one("A senior official told party activists in north London to prepare for a contest.");
    assert_eq!(c.0, "to prepare for a contest");
    assert!(c.2, "an official unnamed is anonymous");
}

#[test]
fn anonymous_source() {
    let c = one("A member of the committee added that the unions would also be against the plan.");
    assert_eq!(c.0, "the unions would also be against the plan");
    assert!(c.2);
}

#[test]
fn organisation_and_group_sources() {
    let c = one("Greenpeace now claims that the river is polluted.");
    assert_eq!(c.1, "Greenpeace");
    let c = one("Authorities said a curfew would continue through the weekend.");
    assert_eq!(c.1, "Authorities");
    assert_eq!(c.0, "a curfew would continue through the weekend");
}

#[test]
fn trailing_source() {
    let c = one("The plan would fail, Lindsey Graham said.");
    assert_eq!(c.0, "The plan would fail");
    assert_eq!(c.1, "Lindsey Graham");
    let c = one("The plan would fail, said Lindsey Graham.");
    assert_eq!(c.0, "The plan would fail");
}

#[test]
fn according_to_in_any_position() {
    let c = one("According to the report, the council spent more than it raised.");
    assert_eq!(c.0, "the council spent more than it raised");
    assert_eq!(c.1, "report");
    assert_eq!(c.3, "According to");
    let c = one("The council spent more than it raised, according to the report.");
    assert_eq!(c.0, "The council spent more than it raised");
}

#[test]
fn parenthetical_source_gives_two_parts() {
    let text = page("The museum, Mr Obama said, would make visitors face hard truths.");
    let c = claims(&text);
    let parts: Vec<&str> = c.iter().map(|c| c.0.as_str()).collect();
    assert_eq!(
        parts,
        ["The museum", "would make visitors face hard truths"]
    );
}

#[test]
fn second_act_ends_the_content() {
    let c = one("Jane Porter claimed the deal was off, but offered no proof.");
    assert_eq!(c.0, "the deal was off");
    let text = page("Jane Porter argued that the cuts were needed and that the rules were fair.");
    assert_eq!(claims(&text)[0].0, "the cuts were needed");
}

#[test]
fn relative_clause_source() {
    let c = one("Others pointed to a review which they said could be used to change the rules.");
    assert_eq!(c.0, "could be used to change the rules");
    assert_eq!(c.1, "Others");
}

#[test]
fn quotations_are_not_claims() {
    // A quotation is the quote extractor's record, and a paraphrase with a quoted
    // fragment is a mixed attribution: the fragment carries the source.
    for body in [
        "Jane Porter said: “The budget will be cut.”",
        "“The budget will be cut,” Jane Porter said.",
        "Jane Porter said the budget was “a disgrace” and would be cut.",
    ] {
        assert!(claims(&page(body)).is_empty(), "{body}");
    }
    let text = page("Jane Porter said the budget was “a disgrace” and would be cut.");
    let a = quotecheck::extract_text(&text, Format::Text);
    let q = a
        .quotes
        .iter()
        .find(|q| q.kind != QuoteKind::Indirect)
        .unwrap();
    assert_eq!(q.speaker.as_ref().unwrap().name, "Jane Porter");
}

#[test]
fn objects_and_questions_are_not_content() {
    for body in [
        "Jane Porter said nothing about the budget at the meeting.",
        "Jane Porter explained how the budget would be cut.",
    ] {
        assert!(claims(&page(body)).is_empty(), "{body}");
    }
}

#[test]
fn speech_acts_with_an_object() {
    // A stance or speech act whose content is its object (PolNeAR counts them).
    let c = one("Jane Porter called for a review of the library budget.");
    assert_eq!(c.0, "a review of the library budget");
    assert_eq!(c.3, "called for");
    let c = one("Jane Porter criticized the cuts to the library budget, which she opposed.");
    assert_eq!(
        c.0, "the cuts to the library budget",
        "an object ends at its comma"
    );
    let c = one("Jane Porter warned of cuts to the budget next year.");
    assert_eq!(c.0, "cuts to the budget next year");
    let c = one("Jane Porter promised to protect the library budget.");
    assert_eq!(c.0, "to protect the library budget");
    // Still needs its source before it, and a noun or a passive is no cue.
    for body in [
        "His plans for the library budget were rejected by the council.",
        "The treasurer was accused of hiding the accounts from the members.",
        "After Jane Porter criticized the cuts, the treasurer walked out.",
    ] {
        assert!(
            claims(&page(body)).is_empty(),
            "{body}: {:?}",
            claims(&page(body))
        );
    }
}

#[test]
fn second_cue_of_the_same_source() {
    let text = page(
        "Jane Porter says the treasurer promised a review and said the library would stay open.",
    );
    let c = claims(&text);
    assert_eq!(c.len(), 2, "{c:?}");
    assert_eq!(c[0].0, "the treasurer promised a review");
    assert_eq!(c[1].0, "the library would stay open");
    assert!(c.iter().all(|c| c.1 == "Jane Porter"));
    let text = page(
        "Jane Porter attacked the cuts to the library, and has called for a review of the budget.",
    );
    let c = claims(&text);
    assert_eq!(c.len(), 2, "{c:?}");
    assert_eq!(c[1].0, "a review of the budget");
    assert_eq!(c[1].1, "Jane Porter");
}

#[test]
fn trailing_cue_after_a_sentence_adverb_and_an_inverted_that_cue() {
    let c = one("However, the library would stay open until the spring, the treasurer said.");
    assert_eq!(c.0, "the library would stay open until the spring");
    let c = one("The library would stay open until the spring, noted Jane Porter.");
    assert_eq!(c.0, "The library would stay open until the spring");
    assert_eq!(c.1, "Jane Porter");
    // A that-cue with an object after it is no inverted cue.
    assert!(
        claims(&page(
            "Most branches are busier than ever, shows a survey of readers in the town."
        ))
        .is_empty()
    );
}

#[test]
fn participle_after_a_quotation() {
    let text = page(
        "“We cannot keep every branch,” Jane Porter said, adding that the cuts would fall on the smallest libraries.",
    );
    let c = claims(&text);
    assert_eq!(c.len(), 1, "{c:?}");
    assert_eq!(c[0].0, "the cuts would fall on the smallest libraries");
    assert_eq!(c[0].1, "Jane Porter");
}

#[test]
fn warned_that() {
    let c = one("Jane Porter warned that the library would close in the spring.");
    assert_eq!(c.0, "the library would close in the spring");
    assert_eq!(c.3, "warned");
}

#[test]
fn progressive_cue() {
    let c = one("Jane Porter is demanding a full account of the library budget.");
    assert_eq!(c.0, "a full account of the library budget");
    assert_eq!(c.3, "demanding");
}

#[test]
fn participle_continues_the_source() {
    let text =
        page("Jane Porter defended the library budget, saying the cuts would hurt children.");
    let c = claims(&text);
    assert_eq!(c.len(), 1, "{c:?}");
    assert_eq!(c[0].0, "the cuts would hurt children");
    assert_eq!(c[0].1, "Jane Porter");
    assert_eq!(c[0].3, "saying");
    // After a claim of its own: the same source, two claims.
    let text = page(
        "Jane Porter said the budget was too small, arguing that the council had misread the figures.",
    );
    let c = claims(&text);
    assert_eq!(c.len(), 2, "{c:?}");
    assert_eq!(c[0].0, "the budget was too small");
    assert_eq!(c[1].0, "the council had misread the figures");
    assert!(c.iter().all(|c| c.1 == "Jane Porter"));
}

#[test]
fn cue_past_an_adverbial_and_that_as_subject() {
    let c = one("Jane Porter announced in a statement on Monday that the library would close.");
    assert_eq!(c.0, "the library would close");
    let c = one("Jane Porter said that was not the view of the council.");
    assert_eq!(c.0, "that was not the view of the council");
}

#[test]
fn according_to_an_author_and_an_apposition() {
    let c = one("Most libraries would close, according to an analysis by Jane Porter.");
    assert_eq!(c.0, "Most libraries would close");
    assert_eq!(c.1, "Jane Porter", "the author, not the analysis");
    let c = one(
        "Most libraries would close, according to Jane Porter, a former treasurer of the council.",
    );
    assert_eq!(c.0, "Most libraries would close", "her title is no content");
}

#[test]
fn adverb_between_commas_is_not_the_source() {
    let c = one("Some Democrats, however, question the wisdom of the cuts.");
    assert_eq!(c.1, "Some Democrats");
}

/// Claims and mixed attributions of the seeds named in FINDINGS.md, by line.
fn seed_line(file: &str, line: usize) -> (String, usize) {
    let path = std::fs::read_dir("seeds")
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.file_name().unwrap().to_string_lossy().starts_with(file))
        .unwrap();
    let text = std::fs::read_to_string(path).unwrap();
    let start: usize = text
        .split_inclusive('\n')
        .take(line - 1)
        .map(str::len)
        .sum();
    (text, start)
}

/// The source of the claim (or, for a mixed attribution, of the quoted
/// fragment) that starts on the line.
fn seed_source(file: &str, line: usize, kind: QuoteKind) -> Option<(String, bool)> {
    let (text, start) = seed_line(file, line);
    let end = start + text[start..].find('\n').unwrap_or(text.len() - start);
    let a = quotecheck::extract_text(&text, Format::Text);
    a.quotes
        .iter()
        .find(|q| q.kind == kind && q.span.start >= start && q.span.start < end)
        .and_then(|q| q.speaker.as_ref())
        .map(|s| (s.name.clone(), s.anonymous))
}

#[test]
fn seed_claims() {
    use QuoteKind::Indirect;
    let name = |f, l| seed_source(f, l, Indirect).map(|s| s.0);
    assert_eq!(name("000", 5).as_deref(), Some("Momentum"));
    assert!(name("000", 7).is_some(), "It insists that …");
    assert_eq!(seed_source("000", 14, Indirect).map(|s| s.1), Some(true));
    assert_eq!(name("002", 55).as_deref(), Some("Others"));
    assert_eq!(name("004", 43).as_deref(), Some("Jon Lansman"));
}

#[test]
fn seed_mixed_attributions() {
    // Paraphrase with a quoted fragment: the fragment's record has the source.
    let name = |f, l| {
        let (text, start) = seed_line(f, l);
        let end = start + text[start..].find('\n').unwrap();
        let a = quotecheck::extract_text(&text, Format::Text);
        a.quotes
            .iter()
            .find(|q| q.kind != QuoteKind::Indirect && q.span.start >= start && q.span.start < end)
            .and_then(|q| q.speaker.as_ref())
            .map(|s| s.name.clone())
    };
    assert_eq!(name("001", 15).as_deref(), Some("Christine Shawcroft"));
    assert_eq!(name("002", 31).as_deref(), Some("Jon Lansman"));
    assert_eq!(
        name("003", 22).as_deref().map(|n| n.is_empty()),
        Some(false)
    );
    assert_eq!(name("004", 25).as_deref(), Some("Jon Lansman"));
}

#[test]
fn seed_told_to_prepare() {
    assert!(seed_source("004", 12, QuoteKind::Indirect).is_some_and(|s| s.1));
}

#[test]
fn auxiliary_before_cue_keeps_a_descriptor_source() {
    // "had" is no head of the phrase "The Electoral Commission".
    let c = one("The Electoral Commission had warned that the scheme could confuse voters.");
    assert_eq!(c.0, "the scheme could confuse voters");
    assert!(c.1.contains("Electoral Commission"), "{c:?}");
    let c = one("Jane Porter has long said that the hall needs a new roof.");
    assert_eq!(c.0, "the hall needs a new roof");
    assert_eq!(c.1, "Jane Porter");
}

#[test]
fn and_with_a_stance_verb_or_a_new_subject_ends_the_content() {
    let text = page(
        "Jane Porter said the library would close in May and suggested that the hall could stay open.",
    );
    let c = claims(&text);
    assert_eq!(c.len(), 2, "{c:?}");
    assert_eq!(c[0].0, "the library would close in May");
    assert_eq!(c[1].0, "the hall could stay open");
    assert_eq!(c[1].1, "Jane Porter");
    let text = page(
        "Councillors said they were tired of the delays and Unison accused the mayor of ignoring staff.",
    );
    let c = claims(&text);
    assert_eq!(c.len(), 2, "{c:?}");
    assert_eq!(c[0].0, "they were tired of the delays");
    assert_eq!(c[1].0, "the mayor of ignoring staff");
    assert_eq!(c[1].1, "Unison");
    // A bare comma before a stance verb still does not end it.
    let c = one("Jane Porter said the cuts, he supported, were fair to every ward.");
    assert_eq!(c.0, "the cuts, he supported, were fair to every ward");
}

#[test]
fn source_with_apposition_before_the_cue() {
    let c =
        one("A lawyer for the tenants, Paul Avery, said no decision had been made on an appeal.");
    assert_eq!(c.0, "no decision had been made on an appeal");
    assert_eq!(c.1, "Paul Avery");
    // Not content before an inverted cue: the name and its relative clause.
    let c = one("Mr Avery, who knew the vote would fail, told his staff to draft a new plan.");
    assert_eq!(c.0, "to draft a new plan");
    assert_eq!(c.1, "Avery");
    let c = one("Keron Blake, the director of the trust, called for more money for the parks.");
    assert_eq!(c.0, "more money for the parks");
    assert_eq!(c.3, "called for");
}

#[test]
fn told_an_addressee_then_it() {
    let c = one("Jane Porter told the paper it was time to repair the old hall.");
    assert_eq!(c.0, "it was time to repair the old hall");
    assert_eq!(c.3, "told the paper");
}

#[test]
fn group_source_with_a_prepositional_phrase() {
    let c = one("Experts on local finance said the cuts could be reversed next year.");
    assert_eq!(c.0, "the cuts could be reversed next year");
    assert_eq!(c.1, "Experts on local finance");
    let c = one("Councillors from both parties say he has been a careful treasurer.");
    assert_eq!(c.0, "he has been a careful treasurer");
    assert!(c.1.starts_with("Councillors"), "{c:?}");
}

#[test]
fn headline_claims() {
    let claims_of = |head: &str| {
        let text = format!(
            "{head}\n\nThe council met on Monday evening to settle the budget for next year, and the meeting ran late into the night as members argued over the cuts.\n"
        );
        claims(&text)
    };
    let c = claims_of("Mayor urges residents to save water this summer");
    assert_eq!(c.len(), 1, "{c:?}");
    assert_eq!(c[0].0, "to save water this summer");
    // Title case: the capitalised cue is still a cue.
    let c = claims_of("Library Will Close In May, Council Leader Says");
    assert_eq!(c.len(), 1, "{c:?}");
    assert_eq!(c[0].0, "Library Will Close In May");
    // "Poll:" labels what follows; "The Latest:" does not.
    let c = claims_of("Poll: Voters back the new budget by a wide margin");
    assert_eq!(c.len(), 1, "{c:?}");
    assert_eq!(c[0].0, "Voters back the new budget by a wide margin");
    assert_eq!(c[0].1, "Poll");
    assert!(claims_of("The Latest: Voters back the new budget by a wide margin").is_empty());
    // A title-case headline without a cue has no claim.
    assert!(claims_of("Council Settles Budget After Long Night").is_empty());
}

#[test]
fn intention_with_an_infinitive() {
    let c = one("Jane Porter wants to reopen the swimming pool next spring.");
    assert_eq!(c.0, "to reopen the swimming pool next spring");
    assert_eq!(c.3, "wants");
    // A noun object is no claim.
    assert!(claims(&page("Jane Porter wants a new swimming pool for the town.")).is_empty());
}

#[test]
fn content_opens_with_a_word() {
    // "Having said that, …" reports nothing.
    assert!(
        claims(&page(
            "Having said that, there are members who argue for more cuts."
        ))
        .is_empty()
    );
}

#[test]
fn told_a_programme_with_a_quoted_name() {
    let c = one("Jane Porter told Radio Kent's \"Breakfast Show\" that the cuts were unfair.");
    assert_eq!(c.0, "the cuts were unfair");
}

#[test]
fn adverbial_then_a_pronoun_subject() {
    let c = one("Jane Porter said after the meeting she would not stand again.");
    assert_eq!(c.0, "she would not stand again");
    assert_eq!(c.1, "Jane Porter");
}
