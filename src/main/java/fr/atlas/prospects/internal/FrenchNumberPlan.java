package fr.atlas.prospects.internal;

import fr.atlas.prospects.internal.PhoneNumbers.Kind;
import fr.atlas.prospects.internal.PhoneNumbers.Phone;
import org.jspecify.annotations.Nullable;

/**
 * The French numbering plan as libphonenumber 8.13 knows it, for the nine significant
 * digits of a number ("123456789" for 01 23 45 67 89): which ranges are fixed lines,
 * mobiles, or other valid services, and which are not allocated. A number's type depends
 * on its first five digits at most, so this answers in a few comparisons what
 * libphonenumber works out with regular expressions; {@code FrenchNumberPlanTests}
 * compares the two on every five-digit prefix, so a libphonenumber upgrade that moves a
 * range fails there.
 */
final class FrenchNumberPlan {

	private FrenchNumberPlan() {
	}

	/** The number +33 followed by nine digits, the first not 0. */
	static Checked<Phone> check(String significant) {
		Kind kind = kind(significant);
		return (kind != null) ? Checked.ok(new Phone("+33" + significant, kind)) : Checked.invalid("invalid");
	}

	/**
	 * Fixed lines, mobiles and other services (premium, toll-free, shared-cost, VoIP,
	 * UAN) of the metadata's patterns, null for an unallocated range.
	 */
	static @Nullable Kind kind(String significant) {
		int d1 = significant.charAt(0) - '0';
		int d2 = significant.charAt(1) - '0';
		int d3 = significant.charAt(2) - '0';
		return switch (d1) {
			// (?:[13]\d|...)\d{7}
			case 1, 3 -> Kind.FIXED;
			// 26[013-9]\d{6} | 2[0-57-9]\d{7}
			case 2 -> (d2 != 6 || d3 != 2) ? Kind.FIXED : null;
			// 4[1-9]\d{7}
			case 4 -> (d2 != 0) ? Kind.FIXED : null;
			// 59[1-35-9]\d{6} | 5[0-8]\d{7}
			case 5 -> (d2 != 9 || (d3 != 0 && d3 != 4)) ? Kind.FIXED : null;
			// 6(?:[0-24-8]\d|3[0-8]|9[589])\d{6}
			case 6 -> switch (d2) {
				case 3 -> (d3 != 9) ? Kind.MOBILE : null;
				case 9 -> (d3 == 5 || d3 == 8 || d3 == 9) ? Kind.MOBILE : null;
				default -> Kind.MOBILE;
			};
			// 7[3-9]\d{7}
			case 7 -> (d2 >= 3) ? Kind.MOBILE : null;
			case 8 -> special(significant) ? Kind.OTHER : null;
			// VoIP: 9\d{8}
			case 9 -> Kind.OTHER;
			default -> null;
		};
	}

	/** The 8 ranges: toll-free, UAN, shared-cost and premium-rate. */
	private static boolean special(String significant) {
		int d2 = significant.charAt(1) - '0';
		int d3 = significant.charAt(2) - '0';
		return switch (d2) {
			// toll-free 80[0-5], UAN 80[6-9]; shared-cost 81[01], premium 81[2-9];
			// shared-cost 82[0156], premium 82[2-47-9]; premium 8[569]\d; premium
			// 88[0-35-9], shared-cost 884
			case 0, 1, 2, 5, 6, 8, 9 -> true;
			// premium 83[0-57-9] and 836(?:0[0-36-9]|[1-9]\d)
			case 3 -> d3 != 6 || significant.charAt(3) != '0'
					|| (significant.charAt(4) != '4' && significant.charAt(4) != '5');
			// shared-cost 84[024]
			case 4 -> d3 == 0 || d3 == 2 || d3 == 4;
			default -> false;
		};
	}

}
