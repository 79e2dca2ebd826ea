//! Hand-rolled argument parsing: positionals, `--flag VALUE` / `--flag=VALUE`, switches, `--`.

/// A subcommand: its name, usage line, help text and the options it takes.
pub struct Command {
    pub name: &'static str,
    pub usage: &'static str,
    pub help: &'static str,
    /// Options taking a value.
    pub values: &'static [&'static str],
    /// Options taking none.
    pub switches: &'static [&'static str],
    pub max_positional: usize,
}

/// The parsed arguments of a command.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Parsed {
    pub positional: Vec<String>,
    values: Vec<(&'static str, String)>,
    switches: Vec<&'static str>,
}

impl Parsed {
    pub fn value(&self, name: &str) -> Option<&str> {
        self.values
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.as_str())
    }

    pub fn switch(&self, name: &str) -> bool {
        self.switches.contains(&name)
    }
}

#[derive(Debug, PartialEq, Eq)]
pub enum Error {
    /// `-h` or `--help` was given.
    Help,
    /// What is wrong with the arguments.
    Usage(String),
}

impl Command {
    pub fn full_help(&self) -> String {
        format!(
            "usage: {}\n\n{}\n\n  -h, --help  print this help",
            self.usage, self.help
        )
    }

    pub fn parse(&self, args: &[String]) -> Result<Parsed, Error> {
        let mut parsed = Parsed::default();
        let mut args = args.iter();
        let mut options_done = false;
        while let Some(arg) = args.next() {
            if options_done || arg == "-" || !arg.starts_with('-') {
                parsed.positional.push(arg.clone());
                continue;
            }
            if arg == "--" {
                options_done = true;
                continue;
            }
            if arg == "-h" || arg == "--help" {
                return Err(Error::Help);
            }
            let (name, inline) = match arg.split_once('=') {
                Some((name, value)) => (name, Some(value)),
                None => (arg.as_str(), None),
            };
            if let Some(&name) = self.values.iter().find(|&&v| v == name) {
                let value = match inline {
                    Some(value) => value.to_string(),
                    None => args
                        .next()
                        .cloned()
                        .ok_or_else(|| Error::Usage(format!("{name} needs a value")))?,
                };
                if parsed.value(name).is_some() {
                    return Err(Error::Usage(format!("{name} given twice")));
                }
                parsed.values.push((name, value));
            } else if let Some(&name) = self.switches.iter().find(|&&s| s == name) {
                if inline.is_some() {
                    return Err(Error::Usage(format!("{name} takes no value")));
                }
                parsed.switches.push(name);
            } else {
                return Err(Error::Usage(format!("unknown option {arg:?}")));
            }
        }
        if parsed.positional.len() > self.max_positional {
            let extra = &parsed.positional[self.max_positional];
            return Err(Error::Usage(format!("unexpected argument {extra:?}")));
        }
        Ok(parsed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEST: Command = Command {
        name: "test",
        usage: "test [A] [B]",
        help: "",
        values: &["--format"],
        switches: &["--json"],
        max_positional: 2,
    };

    fn parse(args: &[&str]) -> Result<Parsed, Error> {
        let args: Vec<String> = args.iter().map(|s| s.to_string()).collect();
        TEST.parse(&args)
    }

    #[test]
    fn options_and_positionals() {
        let p = parse(&["a", "--format", "html", "--json", "-"]).unwrap();
        assert_eq!(p.positional, ["a", "-"]);
        assert_eq!(p.value("--format"), Some("html"));
        assert!(p.switch("--json"));
        let p = parse(&["--format=json", "--", "--json"]).unwrap();
        assert_eq!(p.value("--format"), Some("json"));
        assert_eq!(p.positional, ["--json"]);
        assert!(!p.switch("--json"));
    }

    #[test]
    fn errors() {
        assert_eq!(parse(&["x", "--help"]), Err(Error::Help));
        let usage = |args: &[&str]| match parse(args) {
            Err(Error::Usage(m)) => m,
            other => panic!("{other:?}"),
        };
        assert_eq!(usage(&["--frobnicate"]), "unknown option \"--frobnicate\"");
        assert_eq!(usage(&["--format"]), "--format needs a value");
        assert_eq!(usage(&["--json=1"]), "--json takes no value");
        assert_eq!(usage(&["a", "b", "c"]), "unexpected argument \"c\"");
        assert_eq!(
            usage(&["--format", "a", "--format", "b"]),
            "--format given twice"
        );
    }
}
