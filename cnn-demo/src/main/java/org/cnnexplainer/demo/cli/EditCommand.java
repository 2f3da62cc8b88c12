package org.cnnexplainer.demo.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cnnexplainer.core.EditList;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.core.NetworkEdit;
import org.cnnexplainer.core.layer.Conv2D;
import org.cnnexplainer.core.layer.Dense;
import org.cnnexplainer.core.layer.Layer;
import org.cnnexplainer.demo.io.CheckpointWriter;
import org.cnnexplainer.demo.io.OutputFile;
import org.cnnexplainer.demo.io.TerminalText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code edit}: changes weights of a model and writes the result as a new model folder. */
@Command(
    name = "edit",
    mixinStandardHelpOptions = true,
    description = {
      "Changes weights of a model and writes the edited model to --out as a TF.js layers model,"
          + " with the edits in edits.json. The edits apply in the order given.",
      "Kernel indices are in the TF.js layout: [kh, kw, in, out] for Conv2D, [in, out] for Dense."
    })
public final class EditCommand implements Callable<Integer> {
  private static final Pattern SET =
      Pattern.compile("(.+)/(kernel|bias)\\[([^\\]]*)\\]=([^=]+)", Pattern.DOTALL);

  @Mixin ModelOption model;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write.")
  Path out;

  @Spec CommandSpec spec;

  // The edits as the options came, in command-line order across the three options.
  private final List<String> options = new ArrayList<>();
  private final List<String> values = new ArrayList<>();
  private final PrintStream stdout = System.out;

  // Picocli calls an option's setter with all of that option's values so far on each occurrence:
  // the last one is the new one, which keeps the order across different options.
  @Option(
      names = "--set",
      paramLabel = "LAYER/kernel[i,j,c,f]=V",
      description = "Sets one weight: LAYER/kernel[...]=V or LAYER/bias[f]=V.")
  void set(String[] given) {
    add("--set", given);
  }

  @Option(
      names = "--zero-channel",
      paramLabel = "LAYER:F",
      description = "Silences output channel F: its kernel slice [..., F] and bias[F] become 0.")
  void zeroChannel(String[] given) {
    add("--zero-channel", given);
  }

  @Option(
      names = "--scale-channel",
      paramLabel = "LAYER:F:S",
      description = "Multiplies output channel F's kernel slice [..., F] and bias[F] by S.")
  void scaleChannel(String[] given) {
    add("--scale-channel", given);
  }

  private void add(String option, String[] given) {
    options.add(option);
    values.add(given[given.length - 1]);
  }

  @Override
  public Integer call() throws IOException {
    OptionChecks.require(
        spec,
        !options.isEmpty(),
        "give at least one --set, --zero-channel or --scale-channel: there is nothing to edit");
    Network network = model.load();
    Path modelFolder = model.path().toAbsolutePath().normalize();
    if (!Files.isDirectory(modelFolder)) {
      modelFolder = modelFolder.getParent(); // the folder of a model.json named directly
    }
    CheckpointWriter writer;
    try {
      writer =
          CheckpointWriter.open(
              out, modelFolder, CheckpointWriter.Caller.EDIT, ModelFormats.writer());
    } catch (OutputFile.UnusableOutputException e) {
      throw new ParameterException(spec.commandLine(), "--out " + e.getMessage());
    }
    List<NetworkEdit> edits = new ArrayList<>();
    Network edited = network;
    for (int i = 0; i < options.size(); i++) {
      NetworkEdit edit = parse(network, options.get(i), values.get(i));
      try {
        edited = edit.applyTo(edited);
      } catch (IllegalArgumentException e) {
        // The edit list's own "edit 1 (...)" prefix is replaced by the option as typed.
        String why = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
        throw usage(options.get(i), values.get(i), why);
      }
      edits.add(edit);
    }
    EditList list = EditList.of(edits);
    writer.write(edited, new CheckpointWriter.Extra("edits.json", record(list)));
    stdout.println(
        "Wrote "
            + TerminalText.escape(writer.out())
            + ": "
            + TerminalText.escape(model.path())
            + " with "
            + edits.size()
            + (edits.size() == 1 ? " edit" : " edits")
            + " ("
            + TerminalText.escape(
                String.join("; ", edits.stream().map(NetworkEdit::description).distinct().toList()))
            + ")");
    return 0;
  }

  /** The edit list, plus how it was made: the record that marks the folder as {@code edit}'s. */
  private String record(EditList list) {
    JsonObject json = JsonParser.parseString(list.toJson()).getAsJsonObject();
    json.addProperty("command", CheckpointWriter.EDIT_COMMAND);
    json.addProperty("model", model.path().toAbsolutePath().normalize().toString());
    return new GsonBuilder().setPrettyPrinting().create().toJson(json) + "\n";
  }

  /** One option's edit, with indices converted from the TF.js layout to the library's. */
  private NetworkEdit parse(Network network, String option, String value) {
    if (option.equals("--set")) {
      Matcher m = SET.matcher(value);
      if (!m.matches()) {
        throw usage(option, value, "expected LAYER/kernel[i,j,...]=V or LAYER/bias[f]=V");
      }
      String layerName = m.group(1);
      String parameter = m.group(2);
      int[] index = integers(option, value, m.group(3).split(",", -1));
      float v = number(option, value, m.group(4));
      int layerIndex = network.indexOf(layerName).orElse(-1);
      if (layerIndex >= 0 && parameter.equals("kernel")) {
        index = libraryIndex(network.layer(layerIndex), index, option, value);
      }
      return NetworkEdit.setWeight(layerName, parameter, index, v);
    }
    String[] parts = value.split(":", -1);
    int expected = option.equals("--zero-channel") ? 2 : 3;
    if (parts.length < expected) {
      throw usage(option, value, "expected " + (expected == 2 ? "LAYER:F" : "LAYER:F:S"));
    }
    // The layer name may itself hold ':'; the channel and factor are the last fields.
    String layerName = String.join(":", Arrays.copyOf(parts, parts.length - expected + 1));
    int channel = integers(option, value, parts[parts.length - expected + 1])[0];
    if (expected == 2) {
      return NetworkEdit.zeroChannel(layerName, channel);
    }
    return NetworkEdit.scaleChannel(layerName, channel, number(option, value, parts[2]));
  }

  /**
   * A TF.js kernel index ({@code [kh, kw, in, out]} or {@code [in, out]}), checked against the
   * layer, as the library's {@code (out, in, kh, kw)}; other layers are left to the edit's check.
   */
  private int[] libraryIndex(Layer layer, int[] tfjs, String option, String value) {
    int[] shape;
    String axes;
    if (layer instanceof Conv2D conv) {
      shape =
          new int[] {conv.kernelHeight(), conv.kernelWidth(), conv.inputChannels(), conv.filters()};
      axes = "kh, kw, in, out";
    } else if (layer instanceof Dense dense) {
      shape = new int[] {dense.inputs(), dense.units()};
      axes = "in, out";
    } else {
      return tfjs;
    }
    if (tfjs.length != shape.length) {
      throw usage(
          option,
          value,
          "the kernel of "
              + layer
              + " has shape "
              + Arrays.toString(shape)
              + " ["
              + axes
              + "], so an index needs "
              + shape.length
              + " numbers, got "
              + tfjs.length);
    }
    for (int axis = 0; axis < shape.length; axis++) {
      if (tfjs[axis] < 0 || tfjs[axis] >= shape[axis]) {
        throw usage(
            option,
            value,
            axes.split(", ")[axis]
                + " index "
                + tfjs[axis]
                + " is outside 0.."
                + (shape[axis] - 1)
                + " (the kernel of "
                + layer
                + " has shape "
                + Arrays.toString(shape)
                + " ["
                + axes
                + "])");
      }
    }
    return shape.length == 4 ? new int[] {tfjs[3], tfjs[2], tfjs[0], tfjs[1]} : tfjs;
  }

  private int[] integers(String option, String value, String... texts) {
    int[] result = new int[texts.length];
    for (int i = 0; i < texts.length; i++) {
      try {
        result[i] = Integer.parseInt(texts[i].strip());
      } catch (NumberFormatException e) {
        throw usage(option, value, "'" + texts[i].strip() + "' is not a whole number");
      }
    }
    return result;
  }

  private float number(String option, String value, String text) {
    float v;
    try {
      v = Float.parseFloat(text.strip());
    } catch (NumberFormatException e) {
      throw usage(option, value, "'" + text.strip() + "' is not a number");
    }
    if (!Float.isFinite(v)) {
      throw usage(option, value, "'" + text.strip() + "' is not a finite float");
    }
    return v;
  }

  private ParameterException usage(String option, String value, String why) {
    return new ParameterException(
        spec.commandLine(),
        option + " " + TerminalText.escape(value) + ": " + TerminalText.escape(why));
  }
}
