//! Reading IANA's CSV export (`service-names-port-numbers.csv`).

use crate::Result;

/// The 12 columns of IANA's CSV export, in order.
pub const COLUMNS: [&str; 12] = [
    "Service Name",
    "Port Number",
    "Transport Protocol",
    "Description",
    "Assignee",
    "Contact",
    "Registration Date",
    "Modification Date",
    "Reference",
    "Service Code",
    "Unauthorized Use Reported",
    "Assignment Notes",
];

pub const NAME: usize = 0;
pub const PORT: usize = 1;
pub const PROTOCOL: usize = 2;
pub const DESCRIPTION: usize = 3;
pub const ASSIGNEE: usize = 4;
pub const CONTACT: usize = 5;
pub const REGISTRATION_DATE: usize = 6;
pub const MODIFICATION_DATE: usize = 7;
pub const REFERENCE: usize = 8;
pub const SERVICE_CODE: usize = 9;
pub const UNAUTHORIZED: usize = 10;
pub const NOTES: usize = 11;

/// One data row of the CSV.
pub struct Row {
    /// 1-based number of the data row (the header is not counted).
    pub number: usize,
    /// Line of the CSV file on which the row starts (the header is line 1).
    pub line: u64,
    pub fields: [String; 12],
}

impl Row {
    /// "row N (line L)", for error messages.
    pub fn locus(&self) -> String {
        format!("CSV row {} (line {})", self.number, self.line)
    }
}

/// Reads all data rows, checking the header and that every row has exactly 12 fields.
pub fn read(path: &str) -> Result<Vec<Row>> {
    let bytes = std::fs::read(path).map_err(|e| format!("{path}: {e}"))?;
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(false)
        .from_reader(&bytes[..]);
    let header = reader.headers().map_err(|e| format!("{path}: {e}"))?;
    if header.iter().ne(COLUMNS) {
        return Err(format!("{path}: unexpected header {header:?}, expected {COLUMNS:?}").into());
    }
    let mut rows = Vec::new();
    // Line numbers are counted from byte offsets, as fields may contain newlines.
    let (mut counted_to, mut line) = (0, 1);
    for (index, record) in reader.records().enumerate() {
        let record = record.map_err(|e| format!("{path}: {e}"))?;
        let mut start = record.position().map_or(counted_to, |p| p.byte() as usize);
        // With CRLF line ends the reported position can be just before the previous `\n`.
        while matches!(bytes.get(start), Some(b'\r' | b'\n')) {
            start += 1;
        }
        line += bytes[counted_to..start]
            .iter()
            .filter(|&&b| b == b'\n')
            .count() as u64;
        counted_to = start;
        let fields: [String; 12] = std::array::from_fn(|i| record[i].to_owned());
        rows.push(Row {
            number: index + 1,
            line,
            fields,
        });
    }
    Ok(rows)
}
