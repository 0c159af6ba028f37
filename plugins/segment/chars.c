/*
 * chars.c — the segment rules' own character classes (see seg_chars.h).
 */
#include "seg_chars.h"

int seg_is_closer(uint32_t c)
{
    return c == '"' || c == '\'' || c == ')' || c == ']' || c == '}' ||
           c == 0x2019 || c == 0x201D || c == 0x201C /* German closing */ ||
           c == 0x2018 || c == 0x00BB || c == 0x00AB || c == 0x203A ||
           c == 0x2039 || c == 0x300D || c == 0x300F || c == 0xFF09;
}

int seg_is_opener(uint32_t c)
{
    return c == '"' || c == '\'' || c == '(' || c == '[' || c == '{' ||
           c == 0x201C || c == 0x2018 || c == 0x201E || c == 0x201A ||
           c == 0x00AB || c == 0x00BB || c == 0x2039 || c == 0x203A ||
           c == 0x00BF || c == 0x00A1 /* ¿ ¡ */ || c == 0x300C || c == 0x300E;
}

int seg_is_bullet(uint32_t c)
{
    return c == '-' || c == '*' || c == '+' || c == 0x2022 || c == 0x25E6 ||
           c == 0x25AA || c == 0x25AB || c == 0x2023 || c == 0x2043 ||
           c == 0x25CF || c == 0x25CB || c == 0x25A0 || c == 0x25A1 ||
           c == 0x2013 || c == 0x2014 || c == 0x00B7 || c == 0x2219 ||
           c == 0x27A2 || c == 0x2192 || c == 0x25BA || c == 0x2605;
}
