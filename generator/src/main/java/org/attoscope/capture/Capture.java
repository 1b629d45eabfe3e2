package org.attoscope.capture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.attoscope.InputException;
import org.attoscope.util.JsonFiles;

/**
 * A capture on disk, {@code NAME.safetensors} with its run manifest {@code NAME.json}, loaded and cross-checked.
 *
 * <p>Loading reads both files and checks their structure: the safetensors layout, the manifest's fields, and that
 * the two agree on every tensor's name, dtype and shape. Values are read only through {@link #tensor}, which opens the
 * tensor's hash lock first and refuses NaN and infinities, so nothing downstream can use a byte the manifest does
 * not vouch for.
 */
public final class Capture {
    /** Names a capture may have when read: no path separators or dots, so a name cannot leave the captures folder. */
    private static final Pattern READABLE_NAME = Pattern.compile("[A-Za-z0-9_-]+");
    static final String SAFETENSORS = ".safetensors";
    static final String MANIFEST = ".json";

    private final String name;
    private final Path manifestFile;
    private final CaptureManifest manifest;
    private final SafetensorsFile data;
    private final ConcurrentMap<String, CapturedTensor> opened = new ConcurrentHashMap<>();

    private Capture(String name, Path manifestFile, CaptureManifest manifest, SafetensorsFile data) {
        this.name = name;
        this.manifestFile = manifestFile;
        this.manifest = manifest;
        this.data = data;
    }

    /** Loads {@code capturesDir/NAME.json} and {@code capturesDir/NAME.safetensors}. */
    public static Capture load(Path capturesDir, String name) {
        if (name == null || !READABLE_NAME.matcher(name).matches()) {
            throw new InputException(capturesDir, "\"" + name + "\" is not a capture name.",
                    "name a capture by its file name without extension: letters, digits, '-' and '_' (e.g. once-upon).");
        }
        Path manifestFile = capturesDir.resolve(name + MANIFEST);
        Path tensorsFile = capturesDir.resolve(name + SAFETENSORS);
        if (!Files.isRegularFile(manifestFile) && !Files.isRegularFile(tensorsFile)) {
            throw new InputException(capturesDir, "there is no capture " + name + " (no " + name + SAFETENSORS + " or " + name + MANIFEST + ").",
                    "make it with `attoscope capture --name " + name + " ...`, or use one of " + namesIn(capturesDir) + ".");
        }
        if (!Files.isRegularFile(manifestFile)) {
            throw new InputException(manifestFile, "capture " + name + " has tensors (" + tensorsFile.getFileName() + ") but no run manifest.",
                    "a capture is two files; restore " + manifestFile.getFileName() + " or make the capture again.");
        }
        if (!Files.isRegularFile(tensorsFile)) {
            throw new InputException(tensorsFile, "capture " + name + " has a run manifest (" + manifestFile.getFileName() + ") but no tensors.",
                    "a capture is two files; restore " + tensorsFile.getFileName() + " or make the capture again.");
        }
        CaptureManifest manifest = CaptureManifest.read(manifestFile);
        SafetensorsFile data = SafetensorsFile.read(tensorsFile);
        crossCheck(manifestFile, manifest, data);
        return new Capture(name, manifestFile, manifest, data);
    }

    /** The names of the captures in a folder (every NAME.json or NAME.safetensors), sorted; empty when there is no folder. */
    public static List<String> namesIn(Path capturesDir) {
        if (!Files.isDirectory(capturesDir)) {
            return List.of();
        }
        Set<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.list(capturesDir)) {
            files.map(p -> p.getFileName().toString()).forEach(f -> {
                if (f.endsWith(SAFETENSORS)) {
                    names.add(f.substring(0, f.length() - SAFETENSORS.length()));
                } else if (f.endsWith(MANIFEST)) {
                    names.add(f.substring(0, f.length() - MANIFEST.length()));
                }
            });
        } catch (IOException e) {
            throw new InputException(capturesDir, "cannot list the captures folder: " + e.getMessage() + ".", "check its permissions.");
        }
        return List.copyOf(names);
    }

    public String name() {
        return name;
    }

    public CaptureManifest manifest() {
        return manifest;
    }

    public Path manifestFile() {
        return manifestFile;
    }

    public Path safetensorsFile() {
        return data.file();
    }

    /** The safetensors header's {@code "__metadata__"} strings (empty when absent). */
    public SortedMap<String, String> metadata() {
        return data.metadata();
    }

    /** Every tensor name, sorted. */
    public List<String> tensorNames() {
        return List.copyOf(data.entries().keySet());
    }

    public boolean hasTensor(String tensor) {
        return data.entries().containsKey(tensor);
    }

    /** A tensor's dtype, shape and offsets from the header, without reading its values. */
    public SafetensorsEntry entry(String tensor) {
        requirePresent(tensor);
        return data.entries().get(tensor);
    }

    /**
     * One tensor's values, after its hash lock held. Fails, naming the capture file and the tensor, when the tensor is
     * not in the capture, its bytes do not match the manifest's sha256, or it holds NaN or an infinity (with the
     * index of the first such value).
     */
    public CapturedTensor tensor(String tensor) {
        requirePresent(tensor);
        return opened.computeIfAbsent(tensor, this::open);
    }

    /** Checks every tensor's hash lock without decoding anything; empty when every lock holds. */
    public List<Mismatch> checkHashLocks() {
        List<Mismatch> out = new ArrayList<>();
        for (String t : data.entries().keySet()) {
            String actual = lock(t).mismatch(data.rawBytes(t));
            if (actual != null) {
                out.add(new Mismatch(t, manifest.tensors().get(t).sha256(), actual));
            }
        }
        return out;
    }

    private HashLock lock(String tensor) {
        return new HashLock(data.file(), tensor, manifest.tensors().get(tensor).sha256());
    }

    private CapturedTensor open(String tensor) {
        SafetensorsEntry e = data.entries().get(tensor);
        byte[] raw = lock(tensor).open(data.rawBytes(tensor));
        int size = (int) e.elementCount();
        float[] values = new float[size];
        int width = e.dtype().byteSize();
        for (int i = 0; i < size; i++) {
            float v = e.dtype().decode(raw, i * width);
            if (!Float.isFinite(v)) {
                throw new InputException(data.file(), "capture " + name + ", tensor " + tensor + " holds " + v + " at index "
                        + Shapes.show(Shapes.multiIndex(e.shape(), i)) + " (stored bits 0x" + rawHex(raw, i * width, width) + ").",
                        "a figure cannot show a value that is not a number; make the capture again from a run without overflow.");
            }
            values[i] = v;
        }
        return new CapturedTensor(name, tensor, e.dtype(), e.shape(), manifest.tensors().get(tensor).sha256(), values);
    }

    private static String rawHex(byte[] raw, int at, int width) {
        StringBuilder sb = new StringBuilder();
        for (int i = width - 1; i >= 0; i--) {
            sb.append(HexFormat.of().toHexDigits(raw[at + i]));
        }
        return sb.toString();
    }

    private void requirePresent(String tensor) {
        if (!hasTensor(tensor)) {
            throw new InputException(data.file(), "capture " + name + " has no tensor " + tensor + ".",
                    "use one of its tensors: " + String.join(", ", data.entries().keySet()) + ".");
        }
    }

    private static void crossCheck(Path manifestFile, CaptureManifest manifest, SafetensorsFile data) {
        for (var e : manifest.tensors().entrySet()) {
            String tensor = e.getKey();
            ManifestTensor locked = e.getValue();
            SafetensorsEntry stored = data.entries().get(tensor);
            // the line is looked up only for the error, not by reading the manifest again per tensor on every load
            if (stored == null) {
                throw new InputException(manifestFile, JsonFiles.lineOf(manifestFile, tensor), "the manifest locks tensor " + tensor + " but " + data.file().getFileName()
                        + " has no tensor of that name.", "the two files do not belong together; restore both or make the capture again.");
            }
            if (!stored.dtype().safetensorsName().equals(locked.dtype()) || !stored.shape().equals(locked.shape())) {
                throw new InputException(manifestFile, JsonFiles.lineOf(manifestFile, tensor), "tensor " + tensor + " is " + locked.dtype() + " " + Shapes.show(locked.shape())
                        + " in the manifest but " + stored.dtype() + " " + Shapes.show(stored.shape()) + " in " + data.file().getFileName() + ".",
                        "the two files do not belong together; restore both or make the capture again.");
            }
        }
        for (String tensor : data.entries().keySet()) {
            if (!manifest.tensors().containsKey(tensor)) {
                throw new InputException(data.file(), "tensor " + tensor + " has no hash lock: " + manifestFile.getFileName() + " does not list it.",
                        "add it to the manifest's \"tensors\" with its dtype, shape and sha256, or make the capture again.");
            }
        }
    }
}
