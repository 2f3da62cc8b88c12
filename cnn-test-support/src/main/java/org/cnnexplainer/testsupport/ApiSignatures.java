package org.cnnexplainer.testsupport;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Compares a module's public API (exported packages; public and protected types and members) with
 * its committed signature file {@code api/<module>.api}, so that every API change is deliberate.
 * After an intended change, regenerate the file with {@code mvn -pl <module> test
 * -Dapi.update=true} and commit it with the change.
 */
public final class ApiSignatures {
  private ApiSignatures() {}

  /**
   * Fails, listing what was added and removed, when the API of the module that holds {@code anchor}
   * differs from {@code api/<artifact>.api} (relative to the module's folder, where Maven runs its
   * tests); with {@code -Dapi.update=true} writes the file instead.
   *
   * @param artifact the module's artifact id, e.g. {@code cnn-core}
   * @param anchor any class of the module's main code (its code source is the classes folder)
   * @throws IOException if the classes or the signature file cannot be read or written
   * @throws ClassNotFoundException if a class file names a class that cannot be loaded
   * @throws URISyntaxException if the classes folder's location is not a file URI
   */
  public static void assertUnchanged(String artifact, Class<?> anchor)
      throws IOException, ClassNotFoundException, URISyntaxException {
    Path signatureFile = Path.of("api", artifact + ".api");
    Path classes = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<String> actual = describe(classes, anchor);
    assertTrue(actual.size() > 20, "the API dump found too few members: " + actual.size());

    if (Boolean.getBoolean("api.update")) {
      Files.createDirectories(signatureFile.getParent());
      Files.write(signatureFile, actual, StandardCharsets.UTF_8);
      return;
    }
    if (!Files.exists(signatureFile)) {
      fail("missing " + signatureFile.toAbsolutePath() + "; create it with -Dapi.update=true");
    }
    List<String> expected = Files.readAllLines(signatureFile, StandardCharsets.UTF_8);
    if (!expected.equals(actual)) {
      Set<String> added = new TreeSet<>(actual);
      expected.forEach(added::remove);
      Set<String> removed = new TreeSet<>(expected);
      actual.forEach(removed::remove);
      fail(
          artifact
              + "'s public API differs from "
              + signatureFile
              + ". If the change is intended, run `mvn -pl "
              + artifact
              + " test -Dapi.update=true` and commit the file.\nAdded:\n  "
              + String.join("\n  ", added)
              + "\nRemoved:\n  "
              + String.join("\n  ", removed));
    }
  }

  private static List<String> describe(Path classes, Class<?> anchor)
      throws IOException, ClassNotFoundException {
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
      Class<?> type = Class.forName(name, false, anchor.getClassLoader());
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
