//! A minimal typst `World`: one source file (a template compiled into this crate), one data
//! file (`/data.json`, the letter or report), the embedded fonts, and nothing else. Any other path, a
//! package import or the current date is an error, so the template cannot reach the disk or
//! the network, and the output depends on the data alone.

use std::sync::LazyLock;

use chrono::{Datelike, NaiveDate};
use typst::diag::{FileError, FileResult, SourceDiagnostic};
use typst::foundations::{Bytes, Datetime, Duration, Smart};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, Timestamp};

use crate::LetterError;

/// Liberation Sans 2.1 (SIL OFL 1.1), from Debian's `fonts-liberation2`: metric-compatible
/// with Arial, the face *tata naskah dinas* prescribes. See `fonts/README.md`.
const FONT_FILES: [&[u8]; 3] = [
    include_bytes!("../fonts/LiberationSans-Regular.ttf"),
    include_bytes!("../fonts/LiberationSans-Bold.ttf"),
    include_bytes!("../fonts/LiberationSans-Italic.ttf"),
];

/// Parsed once per process: the standard library and the fonts never change.
static LIBRARY: LazyLock<LazyHash<Library>> = LazyLock::new(|| LazyHash::new(Library::default()));
static FONTS: LazyLock<(LazyHash<FontBook>, Vec<Font>)> = LazyLock::new(|| {
    let fonts: Vec<Font> = FONT_FILES
        .iter()
        .flat_map(|data| Font::iter(Bytes::new(*data)))
        .collect();
    (LazyHash::new(FontBook::from_fonts(&fonts)), fonts)
});

fn file_id(path: &str) -> FileId {
    RootedPath::new(
        VirtualRoot::Project,
        VirtualPath::new(path).expect("a plain absolute path"),
    )
    .intern()
}

struct LetterWorld {
    main: Source,
    data_id: FileId,
    data: Bytes,
}

impl World for LetterWorld {
    fn library(&self) -> &LazyHash<Library> {
        &LIBRARY
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &FONTS.0
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            Ok(self.main.clone())
        } else {
            Err(FileError::AccessDenied)
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.data_id {
            Ok(self.data.clone())
        } else if id == self.main.id() {
            Ok(Bytes::from_string(self.main.text().to_owned()))
        } else {
            Err(FileError::AccessDenied)
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        FONTS.1.get(index).cloned()
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        // A letter carries its own date; the day it happens to be rendered must not show.
        None
    }
}

/// Typesets `source` (a template of this crate) over `data` (its JSON) and writes the PDF,
/// identified by `ident` and dated `date`: the same input always gives the same bytes.
pub(crate) fn typeset(
    source: &str,
    data: Vec<u8>,
    ident: &str,
    date: NaiveDate,
) -> Result<Vec<u8>, LetterError> {
    let world = LetterWorld {
        main: Source::new(file_id("/main.typ"), source.to_owned()),
        data_id: file_id("/data.json"),
        data: Bytes::new(data),
    };
    let document = typst::compile::<PagedDocument>(&world)
        .output
        .map_err(|errors| LetterError::Typeset(messages(&errors)));
    // Typst memoises across compilations; letters share little, so keep the cache small.
    typst::comemo::evict(4);
    let document = document?;
    let date = Datetime::from_ymd(date.year(), date.month() as u8, date.day() as u8);
    let options = PdfOptions {
        // Stable per document, so the same letter gives the same bytes (and the same SHA-256).
        ident: Smart::Custom(ident.to_owned()),
        creator: Smart::Custom(Some("Netral".to_owned())),
        timestamp: date.map(Timestamp::new_utc),
        ..PdfOptions::default()
    };
    typst_pdf::pdf(&document, &options).map_err(|errors| LetterError::Pdf(messages(&errors)))
}

fn messages(errors: &[SourceDiagnostic]) -> String {
    errors
        .iter()
        .map(|e| e.message.to_string())
        .collect::<Vec<_>>()
        .join("; ")
}
