package fr.atlas.prospects.internal;

import java.util.List;
import java.util.Locale;

import fr.atlas.platform.InvalidInputException;
import org.jspecify.annotations.Nullable;

/**
 * Which sheet of a workbook the user asked for: a sheet's name (exact, then ignoring case
 * and surrounding spaces) or its 1-based position. A name wins over a position, so a
 * sheet called "2" is found by its name.
 */
final class WorkbookSheets {

	private WorkbookSheets() {
	}

	/**
	 * The 0-based index of the sheet {@code asked} names; the first sheet when nothing is
	 * asked.
	 * @throws InvalidInputException when there is no such sheet, or a sheet other than
	 * the first is asked of a CSV file (which has exactly one)
	 */
	static int resolve(@Nullable String asked, FileProfile.Format format, List<String> sheets) {
		if (asked == null || asked.isBlank()) {
			return 0;
		}
		String wanted = asked.strip();
		if (format == FileProfile.Format.CSV) {
			if (wanted.equals("1")) {
				return 0;
			}
			throw new InvalidInputException("sheet", "prospects.import.sheet-not-workbook", wanted);
		}
		int index = sheets.indexOf(asked);
		if (index >= 0) {
			return index;
		}
		for (int i = 0; i < sheets.size(); i++) {
			if (sheets.get(i).strip().toLowerCase(Locale.ROOT).equals(wanted.toLowerCase(Locale.ROOT))) {
				return i;
			}
		}
		if (wanted.matches("[0-9]{1,6}")) {
			int position = Integer.parseInt(wanted);
			if (position >= 1 && position <= sheets.size()) {
				return position - 1;
			}
		}
		throw new InvalidInputException("sheet", "prospects.import.unknown-sheet", wanted, String.join(", ", sheets));
	}

}
