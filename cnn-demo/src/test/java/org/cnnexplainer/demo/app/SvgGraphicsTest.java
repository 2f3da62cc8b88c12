package org.cnnexplainer.demo.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** The SVG writer: each primitive, parsed back with the JDK's XML parser. */
class SvgGraphicsTest {
  private static final String SVG = "http://www.w3.org/2000/svg";

  static Document parse(String svg) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    return factory.newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
  }

  static List<Element> elements(Document doc, String name) {
    NodeList nodes = doc.getElementsByTagNameNS(SVG, name);
    List<Element> list = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      list.add((Element) nodes.item(i));
    }
    return list;
  }

  @Test
  void shapesColoursAndTransformsAreWrittenExactly() throws Exception {
    SvgGraphics g = new SvgGraphics(200, 100);
    g.setColor(new Color(255, 0, 0));
    g.fillRect(10, 20, 30, 40);
    g.translate(5, 6);
    g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.5f));
    g.setColor(new Color(0, 0, 255, 128));
    g.setStroke(
        new BasicStroke(
            2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_BEVEL, 4, new float[] {3, 1}, 0));
    g.drawLine(0, 0, 10, 0);
    Document doc = parse(g.svgDocument());

    Element root = doc.getDocumentElement();
    assertEquals("svg", root.getLocalName());
    assertEquals("200", root.getAttribute("width"));
    assertEquals("0 0 200 100", root.getAttribute("viewBox"));
    List<Element> paths = elements(doc, "path");
    assertEquals(2, paths.size());
    Element rect = paths.get(0);
    assertEquals("M10 20L40 20L40 60L10 60L10 20Z", rect.getAttribute("d"));
    assertEquals("#ff0000", rect.getAttribute("fill"));
    assertFalse(rect.hasAttribute("transform"));
    Element line = paths.get(1);
    assertEquals("none", line.getAttribute("fill"));
    assertEquals("#0000ff", line.getAttribute("stroke"));
    // half the composite's alpha times 128/255 of the colour's
    assertEquals(0.5 * 128 / 255, Double.parseDouble(line.getAttribute("stroke-opacity")), 1e-4);
    assertEquals("2.5", line.getAttribute("stroke-width"));
    assertEquals("round", line.getAttribute("stroke-linecap"));
    assertEquals("bevel", line.getAttribute("stroke-linejoin"));
    assertEquals("3 1", line.getAttribute("stroke-dasharray"));
    assertEquals("matrix(1 0 0 1 5 6)", line.getAttribute("transform"));
  }

  @Test
  void textIsEscapedTextInTheFontAndTheClipIsAClipPath() throws Exception {
    SvgGraphics g = new SvgGraphics(100, 50);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
    g.setColor(Color.DARK_GRAY);
    Graphics2D child = (Graphics2D) g.create();
    child.clipRect(10, 10, 20, 20);
    child.drawString("a<b & \"c\"\u0001", 12, 25);
    child.dispose();
    g.drawString("outside", 0, 45);
    Document doc = parse(g.svgDocument());

    List<Element> texts = elements(doc, "text");
    assertEquals(2, texts.size());
    Element clipped = texts.get(0);
    assertEquals("a<b & \"c\"", clipped.getTextContent(), "escaped, control character dropped");
    assertEquals("14", clipped.getAttribute("font-size"));
    assertEquals("bold", clipped.getAttribute("font-weight"));
    assertEquals("sans-serif", clipped.getAttribute("font-family"));
    assertEquals("12", clipped.getAttribute("x"));
    List<Element> clips = elements(doc, "clipPath");
    assertEquals(1, clips.size());
    String clipId = clips.get(0).getAttribute("id");
    Element group = (Element) clipped.getParentNode();
    assertEquals("url(#" + clipId + ")", group.getAttribute("clip-path"));
    String clipPath =
        ((Element) clips.get(0).getElementsByTagNameNS(SVG, "path").item(0)).getAttribute("d");
    assertTrue(clipPath.startsWith("M10 10L") && clipPath.contains("30 30"), clipPath);
    assertEquals("svg", ((Element) texts.get(1).getParentNode()).getLocalName(), "not clipped");
  }

  @Test
  void imagesAreEmbeddedPngsAndGradientsAreDefinitions() throws Exception {
    BufferedImage image = new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB);
    image.setRGB(2, 1, 0x12ab34);
    SvgGraphics g = new SvgGraphics(50, 50);
    g.scale(2, 2);
    g.drawImage(image, 4, 5, null);
    g.setPaint(new GradientPaint(0, 0, Color.WHITE, 10, 0, Color.BLACK));
    g.fillRect(0, 0, 10, 10);
    Document doc = parse(g.svgDocument());

    Element img = elements(doc, "image").get(0);
    assertEquals("matrix(2 0 0 2 8 10)", img.getAttribute("transform"));
    String href = img.getAttributeNS("http://www.w3.org/1999/xlink", "href");
    assertTrue(href.startsWith("data:image/png;base64,"), href);
    BufferedImage decoded =
        ImageIO.read(
            new ByteArrayInputStream(
                Base64.getDecoder().decode(href.substring(href.indexOf(',') + 1))));
    assertEquals(3, decoded.getWidth());
    assertEquals(0x12ab34, decoded.getRGB(2, 1) & 0xffffff);

    Element gradient = elements(doc, "linearGradient").get(0);
    assertEquals("10", gradient.getAttribute("x2"));
    assertEquals(2, gradient.getElementsByTagNameNS(SVG, "stop").getLength());
    Element filled = elements(doc, "path").get(0);
    assertEquals("url(#" + gradient.getAttribute("id") + ")", filled.getAttribute("fill"));
  }
}
