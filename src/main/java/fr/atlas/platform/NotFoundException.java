package fr.atlas.platform;

/**
 * The requested object does not exist for the current organisation. Another
 * organisation's object is reported the same way, so nobody learns that it exists.
 */
public class NotFoundException extends RuntimeException {

	public NotFoundException(String what) {
		super(what + " introuvable");
	}

}
