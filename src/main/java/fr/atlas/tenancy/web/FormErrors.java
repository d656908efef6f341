package fr.atlas.tenancy.web;

import fr.atlas.platform.InvalidInputException;

import org.springframework.validation.BindingResult;

/**
 * Copies the field problems of the domain into a form's binding result, to show them
 * inline.
 */
final class FormErrors {

	private FormErrors() {
	}

	static void copy(InvalidInputException ex, BindingResult binding) {
		ex.problems().forEach((problem) -> {
			if (binding.getFieldType(problem.field()) != null || hasProperty(binding, problem.field())) {
				binding.rejectValue(problem.field(), problem.code(), problem.arguments(), problem.code());
			}
			else {
				binding.reject(problem.code(), problem.arguments(), problem.code());
			}
		});
	}

	private static boolean hasProperty(BindingResult binding, String field) {
		try {
			binding.getFieldValue(field);
			return true;
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

}
