//! `Diff` as text: the summary, the plain report and the Markdown one.

use super::*;

impl Diff<'_> {
    fn field_counts(&self) -> String {
        let parts: Vec<String> = FIELDS
            .iter()
            .map(|f| {
                let n = self.changed.iter().filter(|c| c.2.contains(f)).count();
                format!("{f} {n}")
            })
            .collect();
        parts.join(", ")
    }

    /// The summary lines, shared by both outputs.
    fn summary_lines(&self) -> Vec<String> {
        vec![
            format!(
                "records: {} added, {} removed, {} changed ({})",
                self.added.len(),
                self.removed.len(),
                self.changed.len(),
                self.field_counts()
            ),
            format!(
                "renamed: {} (same port and protocol, another name); moved: {} (same name and protocol, other ports)",
                self.renamed.len(),
                self.moved.len()
            ),
            format!(
                "names: {} gone, {} new; port!(\"name/proto\") keys: {} gone, {} new, {} with another first port",
                self.names_gone.len(),
                self.names_new,
                self.port_keys_gone.len(),
                self.port_keys_new,
                self.port_answer_changed.len()
            ),
            format!(
                "service_name: {} port ranges with another primary name, {} (port, protocol) pairs newly named",
                self.primary_changed.len(),
                self.ports_newly_named
            ),
            format!(
                "people: {} added, {} removed, {} changed; footnotes changed: {}",
                self.people.added, self.people.removed, self.people.changed, self.footnotes_changed
            ),
        ]
    }

    /// The summary and verdict (what `update` prints).
    pub fn summary(&self) -> String {
        let mut out = String::new();
        for l in self.summary_lines() {
            let _ = writeln!(out, "{l}");
        }
        let _ = writeln!(out, "verdict: {}", self.verdict());
        out
    }

    pub fn text(&self, old_path: &str, new_path: &str) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "old: {old_path} (updated {}, {} records)\nnew: {new_path} (updated {}, {} records)",
            self.old_updated, self.old_records, self.new_updated, self.new_records
        );
        out.push_str(&self.summary());
        let mut section = |title: &str, lines: Vec<String>| {
            if !lines.is_empty() {
                let _ = writeln!(out, "\n{title} ({}):", lines.len());
                for l in lines {
                    let _ = writeln!(out, "  {l}");
                }
            }
        };
        section("renamed", self.renamed_lines(false));
        section("moved", self.moved_lines(false));
        section("names gone", self.names_gone_lines(false));
        section(
            "port!(\"name/proto\") keys gone",
            self.port_keys_gone_lines(false),
        );
        section(
            "first port changed (port!/port())",
            self.port_answer_lines(false),
        );
        section("primary service_name changed", self.primary_lines(false));
        section(
            "added records",
            self.added.iter().map(|r| label(r)).collect(),
        );
        section(
            "removed records",
            self.removed.iter().map(|r| label(r)).collect(),
        );
        section("changed records", self.changed_lines(false));
        out
    }

    pub fn markdown(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "### Registry data: {} -> {}\n\nIANA's registry of {} ({} records) replaces that of {} ({} records).\n\n**Verdict:** {}\n",
            self.old_updated,
            self.new_updated,
            self.new_updated,
            self.new_records,
            self.old_updated,
            self.old_records,
            self.verdict()
        );
        for l in self.summary_lines() {
            let _ = writeln!(
                out,
                "- {}",
                l.replace("port!(\"name/proto\")", "`port!(\"name/proto\")`")
                    .replace("service_name", "`service_name`")
            );
        }
        let mut section = |title: &str, lines: Vec<String>, fold: bool| {
            if lines.is_empty() {
                return;
            }
            let _ = writeln!(out, "\n#### {title} ({})\n", lines.len());
            if fold {
                let _ = writeln!(out, "<details><summary>{} records</summary>\n", lines.len());
            }
            for l in &lines {
                let _ = writeln!(out, "- {l}");
            }
            if fold {
                let _ = writeln!(out, "\n</details>");
            }
        };
        section("Renamed", self.renamed_lines(true), false);
        section("Moved", self.moved_lines(true), false);
        section("Names gone", self.names_gone_lines(true), false);
        section(
            "`port!(\"name/proto\")` keys gone",
            self.port_keys_gone_lines(true),
            false,
        );
        section(
            "First port changed (`port!`, `port()`)",
            self.port_answer_lines(true),
            false,
        );
        section(
            "Primary `service_name` changed",
            self.primary_lines(true),
            false,
        );
        section(
            "Added records",
            self.added.iter().map(|r| md_label(r)).collect(),
            false,
        );
        section(
            "Removed records",
            self.removed.iter().map(|r| md_label(r)).collect(),
            false,
        );
        section("Changed records", self.changed_lines(true), true);
        out
    }

    fn renamed_lines(&self, md: bool) -> Vec<String> {
        self.renamed
            .iter()
            .map(|(a, b)| {
                format!(
                    "{}: {} -> {}",
                    code(md, &place(a.ports, a.protocol)),
                    code(md, name_of(a)),
                    code(md, name_of(b))
                )
            })
            .collect()
    }

    fn moved_lines(&self, md: bool) -> Vec<String> {
        self.moved
            .iter()
            .map(|(a, b)| {
                format!(
                    "{}: {} -> {}",
                    code(md, name_of(a)),
                    code(md, &place(a.ports, a.protocol)),
                    code(md, &place(b.ports, b.protocol))
                )
            })
            .collect()
    }

    fn names_gone_lines(&self, md: bool) -> Vec<String> {
        self.names_gone.iter().map(|n| code(md, n)).collect()
    }

    fn port_keys_gone_lines(&self, md: bool) -> Vec<String> {
        self.port_keys_gone
            .iter()
            .map(|(n, p)| code(md, &format!("{n}/{}", p.as_str())))
            .collect()
    }

    fn port_answer_lines(&self, md: bool) -> Vec<String> {
        self.port_answer_changed
            .iter()
            .map(|(n, p, a, b)| format!("{}: {a} -> {b}", code(md, &format!("{n}/{}", p.as_str()))))
            .collect()
    }

    fn primary_lines(&self, md: bool) -> Vec<String> {
        self.primary_changed
            .iter()
            .map(|c| {
                format!(
                    "{}: {} -> {}",
                    code(md, &place(Some(c.ports), Some(c.protocol))),
                    code(md, c.old),
                    c.new.map_or("(none)".to_string(), |n| code(md, n))
                )
            })
            .collect()
    }

    fn changed_lines(&self, md: bool) -> Vec<String> {
        self.changed
            .iter()
            .map(|(a, b, f)| {
                let l = if md { md_label(b) } else { label(b) };
                let mut s = format!("{l}: {}", f.join(", "));
                if a.name != b.name {
                    let _ = write!(s, " ({} -> {})", code(md, name_of(a)), code(md, name_of(b)));
                }
                s
            })
            .collect()
    }
}

fn code(md: bool, s: &str) -> String {
    if md { format!("`{s}`") } else { s.to_string() }
}

fn md_label(r: &Record) -> String {
    format!("`{}` {}", name_of(r), place(r.ports, r.protocol))
}
