package org.attoscope.capture;

import java.util.List;

/** A capture made in memory: its manifest and its tensors, ready to be written or compared. */
public record CaptureRun(CaptureManifest manifest, List<F32Tensor> tensors) {

    public CaptureRun {
        tensors = List.copyOf(tensors);
    }

    /** The {@code NAME.safetensors} bytes. */
    public byte[] safetensorsBytes() {
        return SafetensorsWriter.encode(tensors);
    }
}
