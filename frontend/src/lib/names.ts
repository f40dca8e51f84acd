// The API's pattern for group, app and cluster names (a DNS label).
export const NAME_PATTERN = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;
export const NAME_HINT = "Lower-case letters, digits and dashes.";
