"""#expr: ParserFunctions' expression language (ExprParser.php).

A shunting-yard evaluator over PHP numbers: + - * / div mod fmod ^ e, comparisons
(= != <> < > <= >=), and/or/not, round, unary functions (sin cos tan asin acos atan exp
ln abs floor ceil trunc sqrt), pi and e, with MediaWiki's error messages.
"""

from __future__ import annotations

import html
import math
import re
from typing import TYPE_CHECKING

from . import parser_function
from .util import php_float_str

if TYPE_CHECKING:
    from ..context import ParserContext

MAX_STACK = 100

NEGATIVE, POSITIVE, PLUS, MINUS, TIMES, DIVIDE, MOD, OPEN, CLOSE = range(3, 12)
AND, OR, NOT, EQUALITY, LESS, GREATER, LESSEQ, GREATEREQ, NOTEQ = range(12, 21)
ROUND, EXPONENT, SINE, COSINE, TANGENS, ARCSINE, ARCCOS, ARCTAN = range(21, 29)
EXP, LN, ABS, FLOOR, TRUNC, CEIL, POW, PI, FMOD, SQRT = range(29, 39)

PRECEDENCE = {
    NEGATIVE: 10, POSITIVE: 10, EXPONENT: 10,
    SINE: 9, COSINE: 9, TANGENS: 9, ARCSINE: 9, ARCCOS: 9, ARCTAN: 9, EXP: 9, LN: 9,
    ABS: 9, FLOOR: 9, TRUNC: 9, CEIL: 9, NOT: 9, SQRT: 9,
    POW: 8, TIMES: 7, DIVIDE: 7, MOD: 7, FMOD: 7, PLUS: 6, MINUS: 6, ROUND: 5,
    EQUALITY: 4, LESS: 4, GREATER: 4, LESSEQ: 4, GREATEREQ: 4, NOTEQ: 4,
    AND: 3, OR: 2, PI: 0, OPEN: -1, CLOSE: -1,
}  # fmt: skip

NAMES = {
    NEGATIVE: "-", POSITIVE: "+", NOT: "not", TIMES: "*", DIVIDE: "/", MOD: "mod",
    FMOD: "fmod", PLUS: "+", MINUS: "-", ROUND: "round", EQUALITY: "=", LESS: "<",
    GREATER: ">", LESSEQ: "<=", GREATEREQ: ">=", NOTEQ: "<>", AND: "and", OR: "or",
    EXPONENT: "e", SINE: "sin", COSINE: "cos", TANGENS: "tan", ARCSINE: "asin",
    ARCCOS: "acos", ARCTAN: "atan", LN: "ln", EXP: "exp", ABS: "abs", FLOOR: "floor",
    TRUNC: "trunc", CEIL: "ceil", POW: "^", PI: "pi", SQRT: "sqrt",
}  # fmt: skip

WORDS = {
    "mod": MOD, "fmod": FMOD, "and": AND, "or": OR, "not": NOT, "round": ROUND,
    "div": DIVIDE, "e": EXPONENT, "sin": SINE, "cos": COSINE, "tan": TANGENS,
    "asin": ARCSINE, "acos": ARCCOS, "atan": ARCTAN, "exp": EXP, "ln": LN, "abs": ABS,
    "trunc": TRUNC, "floor": FLOOR, "ceil": CEIL, "pi": PI, "sqrt": SQRT,
}  # fmt: skip

UNARY = {NOT, SINE, COSINE, TANGENS, ARCSINE, ARCCOS, ARCTAN, EXP, LN, ABS, FLOOR, TRUNC}
UNARY |= {CEIL, SQRT}

MESSAGES = {
    "stack_exhausted": "Expression error: Stack exhausted.",
    "unexpected_number": "Expression error: Unexpected number.",
    "preg_match_failure": "Expression error: Unexpected preg_match failure.",
    "unrecognised_word": 'Expression error: Unrecognized word "{}".',
    "unexpected_operator": "Expression error: Unexpected {} operator.",
    "missing_operand": "Expression error: Missing operand for {}.",
    "unexpected_closing_bracket": "Expression error: Unexpected closing bracket.",
    "unrecognised_punctuation": 'Expression error: Unrecognized punctuation character "{}".',
    "unclosed_bracket": "Expression error: Unclosed bracket.",
    "division_by_zero": "Division by zero.",
    "invalid_argument": "Invalid argument for {}: < -1 or > 1.",
    "invalid_argument_ln": "Invalid argument for ln: <= 0.",
    "unknown_error": "Expression error: Unknown error ({}).",
    "not_a_number": "In {}: result is not a number.",
}

Number = int | float


class ExprError(Exception):
    def __init__(self, key: str, param: str = "") -> None:
        super().__init__(MESSAGES[key].format(param))
        self.key = key

    def html(self) -> str:
        return html.escape(str(self), quote=True)


_WHITE = " \t\r\n"
_NUMBER = "0123456789."
_NUM_PREFIX = re.compile(r"\d*(?:\.\d*)?(?:[eE][+-]?\d+)?")


def _to_float(token: str) -> float:
    m = _NUM_PREFIX.match(token)
    text = m.group(0) if m else ""
    try:
        return float(text) if text not in ("", ".") else 0.0
    except ValueError:
        return 0.0


def php_int(x: Number) -> int:
    if isinstance(x, int):
        return x
    if math.isnan(x) or math.isinf(x):
        return 0
    value = int(x)
    if not -(2**63) <= value < 2**63:
        return 0
    return value


def php_round(value: Number, places: int) -> float:
    value = float(value)
    if not math.isfinite(value) or abs(places) > 308:
        return value
    f = 10.0 ** abs(places)
    tmp = value * f if places >= 0 else value / f
    if not math.isfinite(tmp):
        return value
    tmp = float(f"{tmp:.15g}")
    rounded = math.floor(tmp + 0.5) if tmp >= 0 else math.ceil(tmp - 0.5)
    result = rounded / f if places >= 0 else rounded * f
    return float(f"{result:.15g}") if math.isfinite(result) else value


def _truthy(x: Number) -> bool:
    return bool(x) and not (isinstance(x, float) and math.isnan(x) and False)


def _binary(op: int, stack: list[Number]) -> tuple[Number, Number]:
    if len(stack) < 2:
        raise ExprError("missing_operand", NAMES[op])
    right = stack.pop()
    left = stack.pop()
    return left, right


def do_operation(op: int, stack: list[Number]) -> None:
    """Apply `op` to the operand stack. Floating-point edge cases give PHP's INF and NAN
    (sin(INF) is NAN, exp(1000) is INF) instead of Python's exceptions."""
    depth = len(stack)
    try:
        _do_operation(op, stack)
    except OverflowError:
        del stack[max(0, depth - (1 if op in UNARY or op in (NEGATIVE, POSITIVE) else 2)) :]
        stack.append(math.inf)
    except ValueError:
        del stack[max(0, depth - (1 if op in UNARY or op in (NEGATIVE, POSITIVE) else 2)) :]
        stack.append(math.nan)


def _do_operation(op: int, stack: list[Number]) -> None:
    if op in (NEGATIVE, POSITIVE, NOT) or op in UNARY:
        if not stack:
            raise ExprError("missing_operand", NAMES[op])
        if op == POSITIVE:
            return
        arg = stack.pop()
        if op == NEGATIVE:
            stack.append(-arg)
        elif op == NOT:
            stack.append(0 if arg else 1)
        elif op == SINE:
            stack.append(math.sin(arg))
        elif op == COSINE:
            stack.append(math.cos(arg))
        elif op == TANGENS:
            stack.append(math.tan(arg))
        elif op in (ARCSINE, ARCCOS):
            if arg < -1 or arg > 1:
                raise ExprError("invalid_argument", NAMES[op])
            stack.append(math.asin(arg) if op == ARCSINE else math.acos(arg))
        elif op == ARCTAN:
            stack.append(math.atan(arg))
        elif op == EXP:
            try:
                stack.append(math.exp(arg))
            except OverflowError:
                stack.append(math.inf)
        elif op == LN:
            if arg <= 0:
                raise ExprError("invalid_argument_ln")
            stack.append(math.log(arg))
        elif op == ABS:
            stack.append(abs(arg))
        elif op == FLOOR:
            stack.append(float(math.floor(arg)) if math.isfinite(arg) else arg)
        elif op == TRUNC:
            stack.append(php_int(arg))
        elif op == CEIL:
            stack.append(float(math.ceil(arg)) if math.isfinite(arg) else arg)
        elif op == SQRT:
            if arg < 0 or (isinstance(arg, float) and math.isnan(arg)):
                raise ExprError("not_a_number", NAMES[op])
            stack.append(math.sqrt(arg))
        return
    left, right = _binary(op, stack)
    if op == TIMES:
        stack.append(left * right)
    elif op == DIVIDE:
        if not right:
            raise ExprError("division_by_zero", NAMES[op])
        stack.append(left / right)
    elif op == MOD:
        r = php_int(right)
        lft = php_int(left)
        if not r:
            raise ExprError("division_by_zero", NAMES[op])
        stack.append(int(math.fmod(lft, r)) if abs(lft) < 2**53 else lft - r * int(lft / r))
    elif op == FMOD:
        if not right:
            raise ExprError("division_by_zero", NAMES[op])
        stack.append(math.fmod(float(left), float(right)))
    elif op == PLUS:
        stack.append(left + right)
    elif op == MINUS:
        stack.append(left - right)
    elif op == AND:
        stack.append(1 if (left and right) else 0)
    elif op == OR:
        stack.append(1 if (left or right) else 0)
    elif op == EQUALITY:
        stack.append(1 if left == right else 0)
    elif op == NOTEQ:
        stack.append(1 if left != right else 0)
    elif op == LESS:
        stack.append(1 if left < right else 0)
    elif op == GREATER:
        stack.append(1 if left > right else 0)
    elif op == LESSEQ:
        stack.append(1 if left <= right else 0)
    elif op == GREATEREQ:
        stack.append(1 if left >= right else 0)
    elif op == ROUND:
        stack.append(php_round(left, php_int(right)))
    elif op == EXPONENT:
        try:
            stack.append(left * math.pow(10, right))
        except OverflowError:
            stack.append(math.inf if left > 0 else -math.inf if left < 0 else math.nan)
    elif op == POW:
        try:
            result = math.pow(left, right)
        except OverflowError:
            result = math.inf
        except (ValueError, ZeroDivisionError):
            if left == 0 and right < 0:
                result = math.inf
            else:
                raise ExprError("not_a_number", NAMES[op]) from None
        if isinstance(result, float) and math.isnan(result):
            raise ExprError("not_a_number", NAMES[op])
        if isinstance(left, int) and isinstance(right, int) and right >= 0:
            result = left**right if abs(result) < 2**63 else result
        stack.append(result)
    else:
        raise ExprError("unknown_error", str(op))


def do_expression(expr: str) -> str:
    """Evaluate `expr` and format the result as PHP would; raise ExprError."""
    operands: list[Number] = []
    operators: list[int] = []
    for a, b in (("&lt;", "<"), ("&gt;", ">"), ("&minus;", "-"), ("\u2212", "-")):
        expr = expr.replace(a, b)
    p = 0
    end = len(expr)
    expecting = "expression"
    name = ""
    while p < end:
        if len(operands) > MAX_STACK or len(operators) > MAX_STACK:
            raise ExprError("stack_exhausted")
        char = expr[p]
        char2 = expr[p : p + 2]
        if char in _WHITE:
            while p < end and expr[p] in _WHITE:
                p += 1
            continue
        if char in _NUMBER:
            if expecting != "expression":
                raise ExprError("unexpected_number")
            q = p
            while q < end and expr[q] in _NUMBER:
                q += 1
            operands.append(_to_float(expr[p:q]))
            p = q
            expecting = "operator"
            continue
        if char.isascii() and char.isalpha():
            q = p
            while q < end and expr[q].isascii() and expr[q].isalpha():
                q += 1
            word = expr[p:q].lower()
            p = q
            if word not in WORDS:
                raise ExprError("unrecognised_word", word)
            op = WORDS[word]
            if op == EXPONENT:
                if expecting == "expression":
                    operands.append(math.e)
                    expecting = "operator"
                    continue
            elif op == PI:
                if expecting != "expression":
                    raise ExprError("unexpected_number")
                operands.append(math.pi)
                expecting = "operator"
                continue
            elif op in UNARY:
                if expecting != "expression":
                    raise ExprError("unexpected_operator", word)
                operators.append(op)
                continue
            name = word
        elif char2 == "<=":
            name, op = char2, LESSEQ
            p += 2
        elif char2 == ">=":
            name, op = char2, GREATEREQ
            p += 2
        elif char2 in ("<>", "!="):
            name, op = char2, NOTEQ
            p += 2
        elif char == "+":
            p += 1
            if expecting == "expression":
                operators.append(POSITIVE)
                continue
            op = PLUS
        elif char == "-":
            p += 1
            if expecting == "expression":
                operators.append(NEGATIVE)
                continue
            op = MINUS
        elif char in "*/^=<>":
            name = char
            op = {"*": TIMES, "/": DIVIDE, "^": POW, "=": EQUALITY, "<": LESS, ">": GREATER}[char]
            p += 1
        elif char == "(":
            if expecting == "operator":
                raise ExprError("unexpected_operator", "(")
            operators.append(OPEN)
            p += 1
            continue
        elif char == ")":
            while operators and operators[-1] != OPEN:
                do_operation(operators[-1], operands)
                operators.pop()
            if operators:
                operators.pop()
            else:
                raise ExprError("unexpected_closing_bracket")
            expecting = "operator"
            p += 1
            continue
        else:
            raise ExprError("unrecognised_punctuation", char)

        if expecting == "expression":
            raise ExprError("unexpected_operator", name)
        while operators and PRECEDENCE[op] <= PRECEDENCE[operators[-1]]:
            do_operation(operators[-1], operands)
            operators.pop()
        operators.append(op)
        expecting = "expression"

    while operators:
        op = operators.pop()
        if op == OPEN:
            raise ExprError("unclosed_bracket")
        do_operation(op, operands)
    return "<br />\n".join(php_float_str(x) for x in operands)


@parser_function("expr")
def expr(ctx: ParserContext, text: str = "", *rest: str) -> str:
    try:
        return do_expression(text)
    except ExprError as exc:
        return f'<strong class="error">{exc.html()}</strong>'
