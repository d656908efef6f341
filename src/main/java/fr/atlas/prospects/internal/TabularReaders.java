package fr.atlas.prospects.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Opens the right reader for a file's format.
 */
final class TabularReaders {

	private TabularReaders() {
	}

	/** The rows of a file, below its header ({@link HeaderBelowTitle}). */
	static TabularReader open(FileProfile profile, Path file) throws IOException {
		return HeaderBelowTitle.of(rows(profile, file));
	}

	private static TabularReader rows(FileProfile profile, Path file) throws IOException {
		return switch (profile.format()) {
			case CSV ->
				new CsvReader(FileProfile.reader(Files.newInputStream(file), profile.encoding()), profile.delimiter());
			case XLSX -> new XlsxReader(file, profile.sheet());
			case XLS -> {
				try (InputStream in = Files.newInputStream(file)) {
					yield new XlsReader(in, profile.sheet());
				}
			}
		};
	}

	/**
	 * The sheet names of a workbook, in workbook order; a CSV file has none.
	 * @throws IOException when the workbook cannot be read
	 */
	static List<String> sheetNames(FileProfile.Format format, Path file) throws IOException {
		return switch (format) {
			case CSV -> List.of();
			case XLSX -> XlsxReader.sheetNames(file);
			case XLS -> {
				try (InputStream in = Files.newInputStream(file)) {
					yield XlsReader.sheetNames(in);
				}
			}
		};
	}

	/** The positions of the sheets a workbook hides; none for a CSV file. */
	static Set<Integer> hiddenSheets(FileProfile.Format format, Path file) throws IOException {
		return switch (format) {
			case CSV -> Set.of();
			case XLSX -> XlsxReader.hiddenSheets(file);
			case XLS -> {
				try (InputStream in = Files.newInputStream(file)) {
					yield XlsReader.hiddenSheets(in);
				}
			}
		};
	}

	/** CSV straight from a stream; workbooks need a file. */
	static TabularReader openCsv(FileProfile profile, InputStream in) throws IOException {
		return HeaderBelowTitle.of(new CsvReader(FileProfile.reader(in, profile.encoding()), profile.delimiter()));
	}

}
