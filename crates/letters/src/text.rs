//! The text of a PDF as a reader sees it: every glyph drawn, mapped back to Unicode through the
//! font's `ToUnicode` table, a line break where the baseline moves. This is how a test checks
//! that a letter says what it should, and how anyone can check a stored letter without a PDF
//! viewer. It reads the PDF with hayro (an independent PDF interpreter, already in the build
//! through typst), not with the code that wrote it, so the check cannot agree with itself.

use hayro_interpret::font::Glyph;
use hayro_interpret::hayro_syntax::Pdf;
use hayro_interpret::{
    BlendMode, ClipPath, Context, Device, GlyphDrawMode, Image, InterpreterCache,
    InterpreterSettings, Paint, PathDrawMode, SoftMask, interpret_page,
};
use kurbo::{Affine, BezPath, Rect};

use crate::LetterError;

/// The text of every page, pages separated by a form feed.
pub fn extract_text(pdf: &[u8]) -> Result<String, LetterError> {
    let pdf = Pdf::new(pdf.to_vec()).map_err(|e| LetterError::Unreadable(format!("{e:?}")))?;
    let cache = InterpreterCache::new();
    let mut pages = Vec::new();
    for page in pdf.pages().iter() {
        let (width, height) = page.render_dimensions();
        let mut context = Context::new(
            Affine::IDENTITY,
            Rect::new(0.0, 0.0, f64::from(width), f64::from(height)),
            &cache,
            page.xref(),
            InterpreterSettings::default(),
        );
        let mut reader = TextReader::default();
        interpret_page(page, &mut context, &mut reader);
        pages.push(reader.text);
    }
    Ok(pages.join("\u{c}"))
}

#[derive(Default)]
struct TextReader {
    text: String,
    baseline: Option<f64>,
}

impl<'a> Device<'a> for TextReader {
    fn draw_glyph(
        &mut self,
        glyph: &Glyph<'a>,
        transform: Affine,
        glyph_transform: Affine,
        _: &Paint<'a>,
        _: &GlyphDrawMode,
    ) {
        let y = (transform * glyph_transform).translation().y;
        if self.baseline.is_some_and(|b| (b - y).abs() > 1.0) {
            self.text.push('\n');
        }
        self.baseline = Some(y);
        match glyph.as_unicode() {
            Some(hayro_interpret::hayro_cmap::BfString::Char(c)) => self.text.push(c),
            Some(hayro_interpret::hayro_cmap::BfString::String(s)) => self.text.push_str(&s),
            None => self.text.push('\u{fffd}'),
        }
    }

    fn set_soft_mask(&mut self, _: Option<SoftMask<'a>>) {}
    fn set_blend_mode(&mut self, _: BlendMode) {}
    fn draw_path(&mut self, _: &BezPath, _: Affine, _: &Paint<'a>, _: &PathDrawMode) {}
    fn push_clip_path(&mut self, _: &ClipPath) {}
    fn push_transparency_group(&mut self, _: f32, _: Option<SoftMask<'a>>, _: BlendMode) {}
    fn draw_image(&mut self, _: Image<'a, '_>, _: Affine) {}
    fn pop_clip_path(&mut self) {}
    fn pop_transparency_group(&mut self) {}
}

/// `text` with all whitespace removed: line breaks fall wherever the layout put them, so a
/// check for a phrase compares it without spaces on both sides.
pub fn squeeze(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}
