package org.ewn.api.alert;

/** How reliable the source is: A reliable, B usually reliable, C fairly reliable, X not assessed. */
public enum SourceReliability { A, B, C, X }
