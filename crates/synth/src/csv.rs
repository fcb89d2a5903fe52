//! Writing CSV lines into a reused buffer: the roster is millions of lines, and a general CSV
//! writer's per-field checks and allocations would cost more than generating the values.

use std::io::{self, Write};

/// One line being built. Fields are quoted only when they must be (a comma, quote or line
/// break inside), as RFC 4180 says.
#[derive(Debug, Default)]
pub struct Line {
    buffer: Vec<u8>,
    fields: usize,
}

impl Line {
    pub fn field(&mut self, value: &str) {
        if self.fields > 0 {
            self.buffer.push(b',');
        }
        self.fields += 1;
        if value
            .bytes()
            .any(|b| matches!(b, b',' | b'"' | b'\n' | b'\r'))
        {
            self.buffer.push(b'"');
            for b in value.bytes() {
                if b == b'"' {
                    self.buffer.push(b'"');
                }
                self.buffer.push(b);
            }
            self.buffer.push(b'"');
        } else {
            self.buffer.extend_from_slice(value.as_bytes());
        }
    }

    /// A field written with `format_args!`-style arguments and no allocation.
    pub fn field_fmt(&mut self, args: std::fmt::Arguments<'_>) {
        if self.fields > 0 {
            self.buffer.push(b',');
        }
        self.fields += 1;
        // Formatted fields here are numbers and dates: never in need of quotes.
        let _ = self.buffer.write_fmt(args);
    }

    pub fn end(&mut self, out: &mut impl Write) -> io::Result<()> {
        self.buffer.push(b'\n');
        out.write_all(&self.buffer)?;
        self.buffer.clear();
        self.fields = 0;
        Ok(())
    }

    pub fn write_header(&mut self, names: &[&str], out: &mut impl Write) -> io::Result<()> {
        for name in names {
            self.field(name);
        }
        self.end(out)
    }
}
