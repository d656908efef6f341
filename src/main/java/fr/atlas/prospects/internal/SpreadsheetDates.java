package fr.atlas.prospects.internal;

import java.time.format.DateTimeFormatter;

import org.apache.poi.ss.usermodel.DateUtil;

/**
 * A spreadsheet's date cell as the French read it ("05/01/2024"), rather than the serial
 * number it is stored as (45296), which a postcode or a count column would take for a
 * value of its own.
 */
final class SpreadsheetDates {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private SpreadsheetDates() {
	}

	static String text(double serial) {
		return DateUtil.getLocalDateTime(serial).toLocalDate().format(DAY);
	}

	/** Whether a value is written as {@link #text} writes a date: "05/01/2024". */
	static boolean is(String value) {
		if (value.length() != 10 || value.charAt(2) != '/' || value.charAt(5) != '/') {
			return false;
		}
		for (int i = 0; i < 10; i++) {
			if (i != 2 && i != 5 && (value.charAt(i) < '0' || value.charAt(i) > '9')) {
				return false;
			}
		}
		return true;
	}

}
