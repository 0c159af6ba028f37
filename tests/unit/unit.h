/* unit.h — what every unit suite shares: it defines unit_suite(), main runs it. */
#ifndef SPANPIPE_TEST_UNIT_H
#define SPANPIPE_TEST_UNIT_H

#include <check.h>

Suite *unit_suite(void);

#endif
