/**
 * Captures: hash-locked tensors from real model runs, the data every lesson figure is drawn from (FORMATS.md section 4).
 *
 * <p>A capture is {@code content/captures/NAME.safetensors} (standard safetensors; F32, F16 and BF16 are read, F32 is
 * written) and its run manifest {@code NAME.json}, which gives every tensor's dtype, shape and sha256 of its raw
 * bytes. Reading goes {@link org.attoscope.capture.Capture#load} (both files parsed, structure and agreement
 * checked) then {@link org.attoscope.capture.Capture#tensor} (hash lock opened, values decoded, NaN and infinities
 * refused) and nothing else hands out values.
 *
 * <p>{@code attoscope capture} ({@link org.attoscope.capture.CaptureRecorder}) records, for each greedy step SS
 * (00, 01, ...) over the T tokens the model read at that step:
 * <table>
 *   <caption>tensors per step</caption>
 *   <tr><th>name</th><th>shape</th><th>what</th></tr>
 *   <tr><td>stepSS.hidden_state_00</td><td>[1, T, 160]</td><td>token + position embedding, the stream entering the block</td></tr>
 *   <tr><td>stepSS.attention_scores_00</td><td>[1, 2, T, T]</td><td>dense softmax over every causal score, before top-k</td></tr>
 *   <tr><td>stepSS.attention_00</td><td>[1, 2, T, T]</td><td>sparse attention after top-5 (other weights exactly 0)</td></tr>
 *   <tr><td>stepSS.attention_output_00</td><td>[1, T, 160]</td><td>attention output after its projection</td></tr>
 *   <tr><td>stepSS.mlp_output_00</td><td>[1, T, 160]</td><td>MLP output</td></tr>
 *   <tr><td>stepSS.residual_00</td><td>[1, T, 160]</td><td>stream leaving the block: (hidden_state + attention_output) + mlp_output, bit for bit</td></tr>
 *   <tr><td>stepSS.final_norm_00</td><td>[1, T, 160]</td><td>final RMSNorm output, what the tied unembedding reads</td></tr>
 *   <tr><td>stepSS.logits_last</td><td>[1, 4096]</td><td>logits at the last position; their greedy argmax is output_ids[SS]</td></tr>
 * </table>
 * Attention tensors are [batch, head, query, key]. {@link org.attoscope.capture.TensorKind} names them in code.
 *
 * <p>{@link org.attoscope.capture.CaptureReplay} re-runs a capture made with the loaded model and compares hashes.
 */
package org.attoscope.capture;
