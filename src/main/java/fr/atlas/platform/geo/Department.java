package fr.atlas.platform.geo;

/**
 * A French department ({@code 2A}, {@code 2B} for Corsica, {@code 971}… overseas).
 */
public record Department(String code, String name, String regionCode, String regionName) {
}
