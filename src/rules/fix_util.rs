//! Helpers for the fixes `--fix` applies: which glyph a quotation mark becomes in
//! the other style, or in the other family, or turned the right way round. Each
//! returns `None` for a mark it does not know how to swap (guillemets, low marks),
//! which is then left alone.

/// The glyph a mark written as `mark` becomes in the curly or straight style.
/// `opening` says which way a curly mark must face; `double` is its family.
pub fn restyle(mark: &str, opening: bool, double: bool, to_straight: bool) -> Option<&'static str> {
    let known = matches!(mark, "\"" | "''" | "``" | "'" | "“" | "”" | "‘" | "’");
    if !known {
        return None;
    }
    Some(match (to_straight, double, opening) {
        (true, true, _) => "\"",
        (true, false, _) => "'",
        (false, true, true) => "“",
        (false, true, false) => "”",
        (false, false, true) => "‘",
        (false, false, false) => "’",
    })
}

/// The same mark in the other family (double for single, single for double),
/// keeping its style and the way it faces.
pub fn other_family(mark: &str) -> Option<&'static str> {
    Some(match mark {
        "\"" => "'",
        "'" => "\"",
        "“" => "‘",
        "”" => "’",
        "‘" => "“",
        "’" => "”",
        _ => return None,
    })
}

/// A curly mark turned the other way.
pub fn mirror(mark: char) -> Option<char> {
    Some(match mark {
        '“' => '”',
        '”' => '“',
        '‘' => '’',
        '’' => '‘',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn swaps_only_the_marks_it_knows() {
        assert_eq!(restyle("\"", true, true, false), Some("“"));
        assert_eq!(restyle("''", false, true, false), Some("”"));
        assert_eq!(restyle("’", false, false, true), Some("'"));
        assert_eq!(restyle("«", true, true, true), None);
        assert_eq!(other_family("“"), Some("‘"));
        assert_eq!(other_family("„"), None);
        assert_eq!(mirror('”'), Some('“'));
        assert_eq!(mirror('"'), None);
    }
}
