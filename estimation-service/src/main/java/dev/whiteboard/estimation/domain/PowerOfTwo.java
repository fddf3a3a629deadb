package dev.whiteboard.estimation.domain;

import java.math.BigInteger;

/** A power of two with its exact value, its rough decimal size and its binary unit. */
public record PowerOfTwo(int power, BigInteger value, String approximately, String bytes, String note) {
}
