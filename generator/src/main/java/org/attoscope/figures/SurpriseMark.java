package org.attoscope.figures;

/**
 * The model's surprise at one token's successor.
 *
 * @param position  the token's position in the story
 * @param token     the token
 * @param nextToken the token that actually follows
 * @param surprise  -ln p of {@code nextToken} in the prediction at {@code position}, in nats; ignored when excluded
 * @param excluded  whether {@code nextToken} is one the predictions leave out ({@code <unk>} and friends), so it has
 *                  no probability to be surprised by
 */
public record SurpriseMark(int position, String token, String nextToken, double surprise, boolean excluded) {

    public SurpriseMark {
        if (!excluded && !(surprise >= 0 && Double.isFinite(surprise))) {
            throw new FigureException("surprise " + surprise + " at position " + position + " is not a finite "
                    + "number of nats ≥ 0.", "pass -ln p of the actual next token, or mark it excluded.");
        }
    }
}
