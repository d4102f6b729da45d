package io.nectar.parsing.text;

import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceGray;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.graphics.state.PDGraphicsState;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.apache.pdfbox.util.Matrix;

/**
 * The picture a scanned page is made of, taken out of the PDF as it was scanned instead of drawing the page:
 * drawing a 200-dpi scan at 300 dpi costs the rendering and then makes Tesseract read 2.25 times the pixels
 * for no new detail (what {@code pdfimages} hands plain Tesseract).
 *
 * <p>Only when the picture is all the page shows: one opaque image, upright, covering the page edge to
 * edge, with no visible text, no painted paths or shadings and no annotations over it (invisible text,
 * a searchable scan's OCR layer, is allowed). Anything else is rendered, so the words read are those of
 * the page as a viewer shows it. A picture much finer than {@link PdfPageOcr#OCR_DPI}, or coarser than 135 dpi,
 * is rendered too (that scales it to 300 dpi).
 */
final class WholePagePicture extends PDFGraphicsStreamEngine {
  /** How far the picture's edges may lie from the page's, as a part of the page's size. */
  private static final double EDGE_TOLERANCE = 0.01;
  /** Finer than this and the page is drawn at {@link PdfPageOcr#OCR_DPI} instead. */
  private static final float MAX_DPI = PdfPageOcr.OCR_DPI * 1.2f;
  /**
   * Coarser than this and the page is drawn at {@link PdfPageOcr#OCR_DPI} too. Scans of 150 to 200 dpi are read
   * at their own size: over the benchmark's commercial bills that read more fields than drawing them at 300 dpi
   * (266 against 257 of 280) for a tenth less CPU, and the one layout it left unrecognised came back when OCR
   * text may lose one word of a long keyword (Keywords#presence). Nothing coarser was measured.
   */
  private static final float MIN_DPI = PdfPageOcr.OCR_DPI * 0.45f;

  private PDImageXObject picture;
  private Matrix placement;
  private int images;
  private boolean otherInk;
  private final Point2D.Float current = new Point2D.Float();

  private WholePagePicture(PDPage page) {
    super(page);
  }

  /** The page's one whole-page picture, decoded at its own resolution, or empty when the page must be drawn. */
  static Optional<BufferedImage> of(PDPage page) {
    try {
      if (page.getRotation() % 360 != 0 || !page.getAnnotations().isEmpty() || page.getContents() == null) {
        return Optional.empty();
      }
      WholePagePicture finder = new WholePagePicture(page);
      finder.processPage(page);
      if (finder.images != 1 || finder.otherInk || finder.picture == null || !finder.coversPage(page)) {
        return Optional.empty();
      }
      Optional<BufferedImage> jpeg = greyJpeg(finder.picture);
      return jpeg.isPresent() ? jpeg : Optional.ofNullable(finder.picture.getOpaqueImage());
    } catch (IOException | RuntimeException e) {
      // Whatever PDFBox cannot take apart here, rendering reads (or refuses) as it always did.
      return Optional.empty();
    }
  }

  /**
   * A greyscale JPEG picture (how scanners write a grey page) decoded straight from its bytes: the very greys
   * PDFBox's own decoding gives, which goes through a colour image pixel by pixel and cost ten times as much
   * (a tenth of a second a page). Empty for anything else: other filters, colour, a Decode array, or a
   * picture whose decoded size is not the one the PDF declares.
   */
  static Optional<BufferedImage> greyJpeg(PDImageXObject picture) throws IOException {
    COSStream stream = picture.getCOSObject();
    COSBase filters = stream.getFilters();
    boolean jpegOnly = COSName.DCT_DECODE.equals(filters)
        || filters instanceof COSArray list && list.size() == 1 && COSName.DCT_DECODE.equals(list.getObject(0));
    if (!jpegOnly || picture.getBitsPerComponent() != 8
        || !(picture.getColorSpace() instanceof PDDeviceGray) || stream.getDictionaryObject(COSName.DECODE) != null) {
      return Optional.empty();
    }
    try (InputStream in = stream.createRawInputStream();
        ImageInputStream input = ImageIO.createImageInputStream(in)) {
      Iterator<ImageReader> readers = input == null ? null : ImageIO.getImageReaders(input);
      if (readers == null || !readers.hasNext()) {
        return Optional.empty();
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(input, true, true);
        // The JPEG's own header, checked before decoding: the pixel limit was checked on the PDF's declared size.
        if (reader.getWidth(0) != picture.getWidth() || reader.getHeight(0) != picture.getHeight()) {
          return Optional.empty();
        }
        BufferedImage image = reader.read(0);
        return image.getType() == BufferedImage.TYPE_BYTE_GRAY ? Optional.of(image) : Optional.empty();
      } finally {
        reader.dispose();
      }
    }
  }

  private boolean coversPage(PDPage page) {
    PDRectangle box = page.getCropBox();
    float x = placement.getTranslateX();
    float y = placement.getTranslateY();
    float width = placement.getScaleX();
    float height = placement.getScaleY();
    double shear = Math.abs(placement.getShearX()) + Math.abs(placement.getShearY());
    if (width <= 0 || height <= 0 || shear > 1e-3 * Math.max(width, height)) {
      return false;
    }
    double dx = EDGE_TOLERANCE * box.getWidth();
    double dy = EDGE_TOLERANCE * box.getHeight();
    boolean edgeToEdge = Math.abs(x - box.getLowerLeftX()) <= dx && Math.abs(x + width - box.getUpperRightX()) <= dx
        && Math.abs(y - box.getLowerLeftY()) <= dy && Math.abs(y + height - box.getUpperRightY()) <= dy;
    float dpi = picture.getWidth() * 72f / width;
    return edgeToEdge && dpi <= MAX_DPI && dpi >= MIN_DPI;
  }

  @Override
  public void drawImage(PDImage image) throws IOException {
    images++;
    PDGraphicsState state = getGraphicsState();
    if (!(image instanceof PDImageXObject xobject) || xobject.isStencil() || xobject.getSoftMask() != null
        || xobject.getMask() != null || xobject.getColorKeyMask() != null
        || state.getNonStrokeAlphaConstant() < 1 || state.getSoftMask() != null) {
      otherInk = true;
      return;
    }
    picture = xobject;
    placement = state.getCurrentTransformationMatrix().clone();
  }

  @Override
  protected void showText(byte[] string) throws IOException {
    if (getGraphicsState().getTextState().getRenderingMode() != RenderingMode.NEITHER) {
      otherInk = true;
    }
    super.showText(string);
  }

  @Override
  public void strokePath() {
    otherInk = true;
  }

  @Override
  public void fillPath(int windingRule) {
    otherInk = true;
  }

  @Override
  public void fillAndStrokePath(int windingRule) {
    otherInk = true;
  }

  @Override
  public void shadingFill(COSName shadingName) {
    otherInk = true;
  }

  @Override
  public void appendRectangle(Point2D p0, Point2D p1, Point2D p2, Point2D p3) {
    current.setLocation(p0);
  }

  @Override
  public void clip(int windingRule) {
    // A clip paints nothing.
  }

  @Override
  public void moveTo(float x, float y) {
    current.setLocation(x, y);
  }

  @Override
  public void lineTo(float x, float y) {
    current.setLocation(x, y);
  }

  @Override
  public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) {
    current.setLocation(x3, y3);
  }

  @Override
  public Point2D getCurrentPoint() {
    return current;
  }

  @Override
  public void closePath() {
    // Nothing painted.
  }

  @Override
  public void endPath() {
    // Nothing painted.
  }
}
