package fr.atlas.cases.engine;

import java.time.LocalDate;
import java.time.Month;
import java.util.List;
import java.util.Set;

/**
 * The eleven public holidays of metropolitan France (Code du travail, art. L3133-1):
 * fixed dates plus Easter Monday, Ascension Thursday and Whit Monday, which follow
 * Easter. Alsace-Moselle's Good Friday and 26 December are not included.
 */
public final class FrenchPublicHolidays {

	private FrenchPublicHolidays() {
	}

	public static Set<LocalDate> of(int year) {
		LocalDate easter = easterSunday(year);
		// two holidays may fall on one day (Ascension on 1 May in 2008, on 8 May in
		// 2059): Set.of refused the repeat, and any deadline or page reaching such a
		// year failed
		return Set.copyOf(List.of(LocalDate.of(year, Month.JANUARY, 1), easter.plusDays(1),
				LocalDate.of(year, Month.MAY, 1), LocalDate.of(year, Month.MAY, 8), easter.plusDays(39),
				easter.plusDays(50), LocalDate.of(year, Month.JULY, 14), LocalDate.of(year, Month.AUGUST, 15),
				LocalDate.of(year, Month.NOVEMBER, 1), LocalDate.of(year, Month.NOVEMBER, 11),
				LocalDate.of(year, Month.DECEMBER, 25)));
	}

	public static boolean contains(LocalDate date) {
		return of(date.getYear()).contains(date);
	}

	/** Gregorian Easter Sunday (the anonymous "Meeus/Jones/Butcher" computus). */
	public static LocalDate easterSunday(int year) {
		int a = year % 19;
		int b = year / 100;
		int c = year % 100;
		int d = b / 4;
		int e = b % 4;
		int f = (b + 8) / 25;
		int g = (b - f + 1) / 3;
		int h = (19 * a + b - d - g + 15) % 30;
		int i = c / 4;
		int k = c % 4;
		int l = (32 + 2 * e + 2 * i - h - k) % 7;
		int m = (a + 11 * h + 22 * l) / 451;
		int month = (h + l - 7 * m + 114) / 31;
		int day = ((h + l - 7 * m + 114) % 31) + 1;
		return LocalDate.of(year, month, day);
	}

}
