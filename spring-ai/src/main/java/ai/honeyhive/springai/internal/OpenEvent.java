package ai.honeyhive.springai.internal;

import ai.honeyhive.Session;
import ai.honeyhive.Span;

/**
 * What the handler keeps in an observation's context between {@code onStart} and {@code onStop}: the open span, and
 * the session it opened for it when the observation had no parent (null otherwise), to end with it.
 *
 * @param span the open event
 * @param ownSession the session opened for this observation alone, or null
 */
public record OpenEvent(Span span, Session ownSession) {
}
