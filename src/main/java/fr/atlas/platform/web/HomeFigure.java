package fr.atlas.platform.web;

import org.jspecify.annotations.Nullable;

/**
 * One figure of a {@link HomeCard}: a count, or a rate between 0 and 1 ({@code null} when
 * there is nothing to divide by yet), its label's message code, where it leads, and
 * whether it asks for attention (work waiting, late or gone wrong).
 */
public record HomeFigure(String labelCode, @Nullable Number value, boolean rate, String href, boolean attention) {

	public static HomeFigure count(String labelCode, long value, String href, boolean attention) {
		return new HomeFigure(labelCode, value, false, href, attention);
	}

	public static HomeFigure rate(String labelCode, @Nullable Double value, String href, boolean attention) {
		return new HomeFigure(labelCode, value, true, href, attention);
	}

}
