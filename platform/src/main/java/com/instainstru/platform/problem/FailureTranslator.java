package com.instainstru.platform.problem;

/**
 * Lets a service name failures only it can meet (a persistence library's own exceptions, say) so that
 * {@link ProblemMappers} answers them as a problem rather than a 500. A bean of the service; every cause
 * of a failure is offered to every translator, innermost last, before the platform's own rules.
 */
public interface FailureTranslator {

    /** The problem this failure means, or null when this translator does not know it. */
    ApiException translate(Throwable failure);
}
