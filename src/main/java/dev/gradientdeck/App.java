package dev.gradientdeck;
public class App { public static void main(String[] a) {} }
