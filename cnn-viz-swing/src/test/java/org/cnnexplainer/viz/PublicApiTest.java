package org.cnnexplainer.viz;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Compares cnn-viz-swing's public API (exported packages; public and protected types and members)
 * with the committed signature file {@code api/cnn-viz-swing.api}, so that every API change is
 * deliberate. After an intended change, regenerate the file with {@code mvn -pl cnn-viz-swing test
 * -Dapi.update=true} and commit it with the change.
 */
class PublicApiTest {
  private static final Path SIGNATURE_FILE = Path.of("api", "cnn-viz-swing.api");

  @Test
  void publicApiMatchesCommittedSignatures() throws Exception {
    Path classes =
        Path.of(ExplainerState.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<String> actual = describe(classes);
    assertTrue(actual.size() > 20, "the API dump found too few members: " + actual.size());

    if (Boolean.getBoolean("api.update")) {
      Files.createDirectories(SIGNATURE_FILE.getParent());
      Files.write(SIGNATURE_FILE, actual, StandardCharsets.UTF_8);
      return;
    }
    if (!Files.exists(SIGNATURE_FILE)) {
      fail("missing " + SIGNATURE_FILE.toAbsolutePath() + "; create it with -Dapi.update=true");
    }
    List<String> expected = Files.readAllLines(SIGNATURE_FILE, StandardCharsets.UTF_8);
    if (!expected.equals(actual)) {
      Set<String> added = new TreeSet<>(actual);
      expected.forEach(added::remove);
      Set<String> removed = new TreeSet<>(expected);
      actual.forEach(removed::remove);
      fail(
          "cnn-viz-swing's public API differs from "
              + SIGNATURE_FILE
              + ". If the change is intended, run `mvn -pl cnn-viz-swing test -Dapi.update=true` and commit"
              + " the file.\nAdded:\n  "
              + String.join("\n  ", added)
              + "\nRemoved:\n  "
              + String.join("\n  ", removed));
    }
  }

  private static List<String> describe(Path classes) throws IOException, ClassNotFoundException {
    Set<String> exported;
    try (InputStream in = Files.newInputStream(classes.resolve("module-info.class"))) {
      exported =
          ModuleDescriptor.read(in).exports().stream()
              .filter(e -> !e.isQualified())
              .map(ModuleDescriptor.Exports::source)
              .collect(Collectors.toSet());
    }
    List<String> classNames;
    try (Stream<Path> files = Files.walk(classes)) {
      classNames =
          files
              .map(p -> classes.relativize(p).toString().replace('\\', '/'))
              .filter(n -> n.endsWith(".class") && !n.endsWith("module-info.class"))
              .filter(n -> !n.endsWith("package-info.class"))
              .map(n -> n.substring(0, n.length() - ".class".length()).replace('/', '.'))
              .filter(n -> exported.contains(n.substring(0, n.lastIndexOf('.'))))
              .sorted()
              .collect(Collectors.toList());
    }
    List<String> lines = new ArrayList<>();
    for (String name : classNames) {
      Class<?> type = Class.forName(name, false, PublicApiTest.class.getClassLoader());
      if (!isVisible(type)) {
        continue;
      }
      lines.add(type.getName() + ": " + typeHeader(type));
      Set<String> members = new TreeSet<>();
      for (Field f : type.getDeclaredFields()) {
        if (isApi(f)) {
          members.add(
              "  field "
                  + Modifier.toString(f.getModifiers())
                  + " "
                  + f.getGenericType().getTypeName()
                  + " "
                  + f.getName());
        }
      }
      for (Executable e : type.getDeclaredConstructors()) {
        if (isApi(e)) {
          members.add("  " + e.toGenericString());
        }
      }
      for (Executable e : type.getDeclaredMethods()) {
        if (isApi(e) && !e.isSynthetic()) {
          members.add("  " + e.toGenericString());
        }
      }
      lines.addAll(members);
    }
    return lines;
  }

  private static String typeHeader(Class<?> type) {
    String header =
        Modifier.toString(type.getModifiers() & ~Modifier.STATIC)
            + " "
            + (type.isInterface()
                ? ""
                : type.isEnum() ? "enum " : type.isRecord() ? "record " : "class ")
            + type.getName();
    if (type.getGenericSuperclass() != null
        && type.getSuperclass() != Object.class
        && !type.isEnum()
        && !type.isRecord()) {
      header += " extends " + type.getGenericSuperclass().getTypeName();
    }
    if (type.getGenericInterfaces().length > 0) {
      header +=
          " implements "
              + Stream.of(type.getGenericInterfaces())
                  .map(java.lang.reflect.Type::getTypeName)
                  .collect(Collectors.joining(", "));
    }
    if (type.isSealed()) {
      header +=
          " permits "
              + Stream.of(type.getPermittedSubclasses())
                  .map(Class::getName)
                  .sorted()
                  .collect(Collectors.joining(", "));
    }
    return header.trim();
  }

  private static boolean isVisible(Class<?> type) {
    for (Class<?> t = type; t != null; t = t.getDeclaringClass()) {
      if (!Modifier.isPublic(t.getModifiers()) && !Modifier.isProtected(t.getModifiers())) {
        return false;
      }
      if (t.isAnonymousClass() || t.isLocalClass() || t.isSynthetic()) {
        return false;
      }
    }
    return true;
  }

  private static boolean isApi(Member member) {
    int m = member.getModifiers();
    return !member.isSynthetic() && (Modifier.isPublic(m) || Modifier.isProtected(m));
  }
}
