package org.cnnexplainer.demo.app;

import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.Toolkit;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;

/**
 * A separate process that moves the mouse, clicks, types and takes screenshots on the display named
 * by its {@code DISPLAY}, for the end-to-end test (whose own JVM stays headless). Reads one command
 * per line from standard input and answers {@code ok} or {@code error: ...}:
 *
 * <pre>click X Y | move X Y | key NAME | type TEXT | delay MS | shot FILE | quit</pre>
 *
 * <p>({@code delay} sets the pause after each generated event, 40 ms at first.)
 */
public final class RobotDriver {
  private RobotDriver() {}

  public static void main(String[] args) throws Exception {
    Robot robot = new Robot();
    robot.setAutoDelay(40);
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    System.out.println("ready");
    System.out.flush();
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      String[] words = line.trim().split("\\s+");
      try {
        switch (words[0]) {
          case "click" -> {
            robot.mouseMove(Integer.parseInt(words[1]), Integer.parseInt(words[2]));
            robot.mousePress(InputEvent.BUTTON1_DOWN_MASK);
            robot.mouseRelease(InputEvent.BUTTON1_DOWN_MASK);
          }
          case "move" -> robot.mouseMove(Integer.parseInt(words[1]), Integer.parseInt(words[2]));
          case "delay" -> robot.setAutoDelay(Integer.parseInt(words[1]));
          case "key" -> {
            int code = KeyEvent.class.getField("VK_" + words[1]).getInt(null);
            robot.keyPress(code);
            robot.keyRelease(code);
          }
          case "type" -> {
            for (char c : words[1].toCharArray()) {
              int code = KeyEvent.getExtendedKeyCodeForChar(c);
              robot.keyPress(code);
              robot.keyRelease(code);
            }
          }
          case "shot" -> {
            Rectangle screen = new Rectangle(Toolkit.getDefaultToolkit().getScreenSize());
            ImageIO.write(robot.createScreenCapture(screen), "png", new File(words[1]));
          }
          case "quit" -> {
            System.out.println("ok");
            return;
          }
          default -> throw new IllegalArgumentException("unknown command " + words[0]);
        }
        robot.waitForIdle();
        System.out.println("ok");
      } catch (Exception e) {
        System.out.println("error: " + e);
      }
      System.out.flush();
    }
  }
}
