//! What extraction produces for one article: quotations (and later claims), their
//! speakers, the register of people, the zones, and the quote-mark problems found
//! on the way. Everything is in byte offsets of the file as read.

use crate::span::Span;
use serde::Serialize;

/// One quotation (or, later, one claim) with its speaker.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct Quote {
    /// The quoted words, marks excluded.
    pub span: Span,
    /// The opening mark (absent for a claim).
    pub open: Option<Span>,
    /// The closing mark; absent when the quotation runs on into the next paragraph
    /// or is never closed.
    pub close: Option<Span>,
    pub kind: QuoteKind,
    pub zone: Zone,
    /// 0 for a quotation in narrative, 1 for one inside another, and so on.
    pub depth: usize,
    /// Index of the paragraph (in `Article::paragraphs`) the quotation is in.
    pub paragraph: usize,
    /// For a quotation over several paragraphs: the index (in `Article::quotes`)
    /// of its first paragraph's record. `None` for the first record itself.
    pub continues: Option<usize>,
    pub speaker: Option<Speaker>,
    /// The attribution cue ("said", "told HuffPost UK", "according to").
    pub cue: Option<Cue>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// A whole clause or sentence of someone's words.
    Direct,
    /// A fragment of someone's words inside narrative.
    Partial,
    /// Marks around a term nobody in the text is said to have spoken.
    Scare,
    /// Reported speech without quotation marks (a claim).
    Indirect,
}

impl QuoteKind {
    pub fn as_str(self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Partial => "partial",
            QuoteKind::Scare => "scare",
            QuoteKind::Indirect => "indirect",
        }
    }
}

/// Who said a quotation, and how quotecheck knows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct Speaker {
    /// The fullest name the article gives (or an anonymous descriptor, or an
    /// organisation's or document's name).
    pub name: String,
    /// The words that attribute the quotation ("he", "Mr Lansman", "Richard
    /// Angell, director of the centrist group Progress,").
    pub mention: Option<Span>,
    pub anonymous: bool,
    pub source: SpeakerSource,
    pub entity: EntityKind,
    /// Index into `Article::people` when the speaker is a person of the register.
    pub person: Option<usize>,
}

/// How a speaker was found: rules soften findings that rest on inference.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SpeakerSource {
    /// Named in the cue itself ("Richard Angell said").
    Named,
    /// A pronoun resolved to an earlier person ("he continued").
    Pronoun,
    /// A description resolved to a person ("The MP went on").
    Description,
    /// Carried over from an earlier quotation (a continued or split quotation, or a
    /// paragraph of quotation with no cue of its own).
    CarriedOver,
    /// Guessed from the context, with no cue tying the words to the speaker.
    Context,
}

impl SpeakerSource {
    pub fn as_str(self) -> &'static str {
        match self {
            SpeakerSource::Named => "named",
            SpeakerSource::Pronoun => "pronoun",
            SpeakerSource::Description => "description",
            SpeakerSource::CarriedOver => "carried-over",
            SpeakerSource::Context => "context",
        }
    }

    /// True when the speaker was not named in the attribution itself.
    pub fn is_inferred(self) -> bool {
        self != SpeakerSource::Named
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    Person,
    Organisation,
    Document,
    /// An anonymous or collective source.
    Group,
}

/// The attribution cue of a quotation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct Cue {
    pub text: String,
    pub span: Span,
}

impl Cue {
    /// The cue's first word in lower case ("said" of "said on Thursday"): the
    /// verb the rules judge.
    pub fn first_word_lower(&self) -> String {
        self.text
            .split_whitespace()
            .next()
            .unwrap_or("")
            .to_lowercase()
    }
}

/// Where in the page a paragraph stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Zone {
    Headline,
    Standfirst,
    Byline,
    Dateline,
    Caption,
    #[default]
    Body,
    /// Page furniture: reaction buttons, "Related Posts", comment-forum text.
    Boilerplate,
}

impl Zone {
    pub fn as_str(self) -> &'static str {
        match self {
            Zone::Headline => "headline",
            Zone::Standfirst => "standfirst",
            Zone::Byline => "byline",
            Zone::Dateline => "dateline",
            Zone::Caption => "caption",
            Zone::Body => "body",
            Zone::Boilerplate => "boilerplate",
        }
    }

    /// Display text: headline, standfirst and captions.
    pub fn is_display(self) -> bool {
        matches!(self, Zone::Headline | Zone::Standfirst | Zone::Caption)
    }
}

/// A paragraph of the article with its zone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct Paragraph {
    pub span: Span,
    pub zone: Zone,
}

/// One person of an article's register: each person once, with every mention.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize, Default)]
pub struct Person {
    /// The fullest name the article gives.
    pub name: String,
    pub gender: Gender,
    pub mentions: Vec<Mention>,
    /// Titles and roles the article gives the person ("director of the centrist
    /// group Progress", "Shadow chancellor"), each with its span.
    pub roles: Vec<Role>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Gender {
    Male,
    Female,
    #[default]
    Unknown,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct Mention {
    pub span: Span,
    pub form: MentionForm,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum MentionForm {
    FullName,
    Surname,
    /// "Mr Lansman", "Dr Smith".
    Honorific,
    Pronoun,
    Description,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct Role {
    pub text: String,
    pub span: Span,
}

/// A quotation mark that could not be paired, or one turned the wrong way.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct MarkProblem {
    pub span: Span,
    pub mark: char,
    pub kind: MarkProblemKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum MarkProblemKind {
    /// An opening mark with no closing mark (and no continuation paragraph).
    UnclosedOpen,
    /// A closing mark with nothing open.
    UnopenedClose,
    /// A closing glyph used to open, or an opening glyph used to close.
    Reversed,
}

/// Everything extraction knows about one article.
#[derive(Debug, Clone, Default, Serialize, serde::Deserialize)]
pub struct Article {
    pub paragraphs: Vec<Paragraph>,
    pub quotes: Vec<Quote>,
    pub people: Vec<Person>,
    pub mark_problems: Vec<MarkProblem>,
    /// The article's date, from front matter or a dateline, as written.
    pub date: Option<String>,
    /// The inner text of each HTML comment (Markdown), for suppression directives.
    pub comments: Vec<Span>,
}
