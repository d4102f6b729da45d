package io.nectar.parsing.text;

import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.color.PDColor;
import org.apache.pdfbox.pdmodel.graphics.state.PDGraphicsState;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.apache.pdfbox.util.Matrix;

/**
 * Collects every character of a page with its position and whether a reader could see it, instead
 * of PDFBox's own text writing (which sorts and joins what we group ourselves). Visibility is
 * judged from the graphics state when the glyph is shown: render mode, fill colour, clip and page.
 * It also notes how much of the page images cover, which tells a searchable scan (an image with
 * an invisible OCR layer) from a file that hides its text.
 */
final class PositionedTextStripper extends PDFTextStripper {
  /** Called at each page's end with what was collected; may throw to stop the whole read. */
  interface PageSink {
    void page(PDPage page, PageGlyphs glyphs) throws IOException;
  }

  /** The characters of one page. */
  record PageGlyphs(List<Glyph> visible, int hiddenCount, float imageCoverage) {}

  private static final int WHITE = 0xFFFFFF;

  private final PageSink sink;
  // Characters by writing direction (0, 90, 180, 270 degrees): only the page's main direction is kept, as
  // positions along a rotated axis label would land in the middle of unrelated lines.
  private final List<List<Glyph>> byDirection = new ArrayList<>(4);
  private int hidden;
  private float imageArea;
  private float pageArea;
  private Rectangle2D pageBox;
  private Glyph previous;
  private boolean spaceSeen;
  // Colour conversion can go through ICC profiles: remember the last colour seen, it rarely changes.
  private PDColor lastColour;
  private boolean lastColourWhite;
  private List<Path2D> lastClips;
  private int lastClipCount;
  private Rectangle2D lastClipBounds;

  PositionedTextStripper(PageSink sink) {
    this.sink = sink;
    setSortByPosition(false);
    setShouldSeparateByBeads(false);
    setSuppressDuplicateOverlappingText(false);
  }

  @Override
  protected void startPage(PDPage page) throws IOException {
    byDirection.clear();
    for (int i = 0; i < 4; i++) {
      byDirection.add(new ArrayList<>());
    }
    spaceSeen = false;
    hidden = 0;
    imageArea = 0;
    previous = null;
    var media = page.getCropBox();
    pageBox = new Rectangle2D.Float(media.getLowerLeftX(), media.getLowerLeftY(), media.getWidth(),
        media.getHeight());
    pageArea = Math.max(1, media.getWidth() * media.getHeight());
  }

  @Override
  protected void endPage(PDPage page) throws IOException {
    List<Glyph> main = byDirection.get(0);
    for (List<Glyph> glyphs : byDirection) {
      if (glyphs.size() > main.size()) {
        main = glyphs;
      }
    }
    sink.page(page, new PageGlyphs(main, hidden, Math.min(1f, imageArea / pageArea)));
  }

  @Override
  protected void writePage() {
    // Nothing: the characters were collected in processTextPosition and are grouped by LineBuilder.
  }

  @Override
  protected void processTextPosition(TextPosition text) {
    String unicode = text.getUnicode();
    if (unicode == null || unicode.isEmpty() || unicode.isBlank()) {
      previous = null;
      spaceSeen = true;
      return;
    }
    if (!isVisible(text)) {
      hidden++;
      return;
    }
    float height = text.getHeightDir();
    float fontSize = text.getFontSizeInPt();
    if (!(height > 0) || height > fontSize * 2) {
      height = fontSize * 0.7f;
    }
    Glyph glyph = new Glyph(unicode, text.getXDirAdj(), text.getYDirAdj(), text.getWidthDirAdj(), height,
        spaceWidth(text, fontSize), spaceSeen ? Glyph.Boundary.AFTER_SPACE : Glyph.Boundary.NONE);
    spaceSeen = false;
    // Fake bold: the same character drawn again on top of itself counts once.
    if (previous != null && previous.text().equals(unicode)
        && Math.abs(previous.x() - glyph.x()) < Math.max(0.5f, glyph.width() * 0.2f)
        && Math.abs(previous.baseline() - glyph.baseline()) < 0.5f) {
      return;
    }
    previous = glyph;
    byDirection.get(Math.floorMod(Math.round(text.getDir() / 90f), 4)).add(glyph);
  }

  private static float spaceWidth(TextPosition text, float fontSize) {
    float space = text.getWidthOfSpace();
    if (!(space > 0) || Float.isInfinite(space) || space > fontSize * 2) {
      return fontSize * 0.25f;
    }
    return space;
  }

  private boolean isVisible(TextPosition text) {
    PDGraphicsState state = getGraphicsState();
    RenderingMode mode = state.getTextState().getRenderingMode();
    if (mode == RenderingMode.NEITHER || mode == RenderingMode.NEITHER_CLIP) {
      return false;
    }
    if (mode.isFill() && !mode.isStroke() && isWhite(state.getNonStrokingColor())) {
      return false;
    }
    if (text.getFontSizeInPt() < 1f) {
      return false;
    }
    Matrix at = text.getTextMatrix();
    float x = at.getTranslateX();
    float y = at.getTranslateY();
    if (!pageBox.contains(x + 0.1, y + 0.1)) {
      return false;
    }
    Rectangle2D clip = clipBounds(state);
    return clip == null || clip.contains(x + 0.1, y + 0.1);
  }

  private boolean isWhite(PDColor colour) {
    if (colour != lastColour) {
      lastColour = colour;
      try {
        lastColourWhite = (colour.toRGB() & WHITE) == WHITE;
      } catch (IOException | RuntimeException e) {
        lastColourWhite = false;
      }
    }
    return lastColourWhite;
  }

  /** The bounds of the clip, grown by a point so text touching a table cell's edge still counts. */
  private Rectangle2D clipBounds(PDGraphicsState state) {
    List<Path2D> clips = state.getCurrentClippingPaths();
    if (clips != lastClips || clips.size() != lastClipCount) {
      lastClips = clips;
      lastClipCount = clips.size();
      Rectangle2D bounds = null;
      for (Path2D clip : clips) {
        Rectangle2D b = clip.getBounds2D();
        bounds = bounds == null ? b : bounds.createIntersection(b);
      }
      if (bounds != null) {
        bounds = new Rectangle2D.Double(bounds.getX() - 1, bounds.getY() - 1, bounds.getWidth() + 2,
            bounds.getHeight() + 2);
      }
      lastClipBounds = bounds;
    }
    return lastClipBounds;
  }

  @Override
  protected void processOperator(Operator operator, List<COSBase> operands) throws IOException {
    if ("Do".equals(operator.getName()) && !operands.isEmpty() && operands.get(0) instanceof COSName name) {
      noteImage(name);
    }
    super.processOperator(operator, operands);
  }

  private void noteImage(COSName name) {
    PDResources resources = getResources();
    if (resources == null || !resources.isImageXObject(name)) {
      return;
    }
    Matrix ctm = getGraphicsState().getCurrentTransformationMatrix();
    float area = Math.abs(ctm.getScaleX() * ctm.getScaleY() - ctm.getShearX() * ctm.getShearY());
    imageArea += area;
  }
}
