package com.instainstru.manifests;

/** One thing wrong with the manifests: the object it is about, and what is wrong. */
public record Finding(String object, String problem) {

    @Override
    public String toString() {
        return object + ": " + problem;
    }
}
