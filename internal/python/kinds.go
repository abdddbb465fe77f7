package python

// The kind and field names below are tree-sitter-python v0.23.6's (from its
// node-types.json). TestGrammarNames checks that every one exists in the
// linked grammar, so a grammar upgrade that renames a node fails loudly.

// Kind is a syntax node kind.
type Kind uint8

// Node kinds. KindOther is any kind the analyzer does not name (anonymous
// tokens such as operators and keywords; read their text).
const (
	KindAbsent Kind = iota
	KindOther
	KindError
	KindAliasedImport
	KindArgumentList
	KindAsPattern
	KindAssertStatement
	KindAssignment
	KindAttribute
	KindAugmentedAssignment
	KindAwait
	KindBinaryOperator
	KindBlock
	KindBooleanOperator
	KindBreakStatement
	KindCall
	KindCaseClause
	KindCasePattern
	KindChevron
	KindClassDefinition
	KindClassPattern
	KindComment
	KindComparisonOperator
	KindComplexPattern
	KindConcatenatedString
	KindConditionalExpression
	KindConstrainedType
	KindContinueStatement
	KindDecoratedDefinition
	KindDecorator
	KindDefaultParameter
	KindDeleteStatement
	KindDictPattern
	KindDictionary
	KindDictionaryComprehension
	KindDictionarySplat
	KindDictionarySplatPattern
	KindDottedName
	KindElifClause
	KindEllipsis
	KindElseClause
	KindEscapeInterpolation
	KindEscapeSequence
	KindExceptClause
	KindExceptGroupClause
	KindExecStatement
	KindExpression
	KindExpressionList
	KindExpressionStatement
	KindFalse
	KindFinallyClause
	KindFloat
	KindForInClause
	KindForStatement
	KindFormatExpression
	KindFormatSpecifier
	KindFunctionDefinition
	KindFutureImportStatement
	KindGeneratorExpression
	KindGenericType
	KindGlobalStatement
	KindIdentifier
	KindIfClause
	KindIfStatement
	KindImportFromStatement
	KindImportPrefix
	KindImportStatement
	KindInteger
	KindInterpolation
	KindKeywordArgument
	KindKeywordPattern
	KindKeywordSeparator
	KindLambda
	KindLambdaParameters
	KindLineContinuation
	KindList
	KindListComprehension
	KindListPattern
	KindListSplat
	KindListSplatPattern
	KindMatchStatement
	KindMemberType
	KindModule
	KindNamedExpression
	KindNone
	KindNonlocalStatement
	KindNotOperator
	KindPair
	KindParameter
	KindParameters
	KindParenthesizedExpression
	KindParenthesizedListSplat
	KindPassStatement
	KindPattern
	KindPatternList
	KindPositionalSeparator
	KindPrimaryExpression
	KindPrintStatement
	KindRaiseStatement
	KindRelativeImport
	KindReturnStatement
	KindSet
	KindSetComprehension
	KindSlice
	KindSplatPattern
	KindSplatType
	KindString
	KindStringContent
	KindStringEnd
	KindStringStart
	KindSubscript
	KindTrue
	KindTryStatement
	KindTuple
	KindTuplePattern
	KindType
	KindTypeAliasStatement
	KindTypeConversion
	KindTypeParameter
	KindTypedDefaultParameter
	KindTypedParameter
	KindUnaryOperator
	KindUnionPattern
	KindUnionType
	KindWhileStatement
	KindWildcardImport
	KindWithClause
	KindWithItem
	KindWithStatement
	KindYield
	kindCount
)

var kindNames = [kindCount]string{
	KindAbsent:                  "",
	KindOther:                   "?",
	KindError:                   "ERROR",
	KindAliasedImport:           "aliased_import",
	KindArgumentList:            "argument_list",
	KindAsPattern:               "as_pattern",
	KindAssertStatement:         "assert_statement",
	KindAssignment:              "assignment",
	KindAttribute:               "attribute",
	KindAugmentedAssignment:     "augmented_assignment",
	KindAwait:                   "await",
	KindBinaryOperator:          "binary_operator",
	KindBlock:                   "block",
	KindBooleanOperator:         "boolean_operator",
	KindBreakStatement:          "break_statement",
	KindCall:                    "call",
	KindCaseClause:              "case_clause",
	KindCasePattern:             "case_pattern",
	KindChevron:                 "chevron",
	KindClassDefinition:         "class_definition",
	KindClassPattern:            "class_pattern",
	KindComment:                 "comment",
	KindComparisonOperator:      "comparison_operator",
	KindComplexPattern:          "complex_pattern",
	KindConcatenatedString:      "concatenated_string",
	KindConditionalExpression:   "conditional_expression",
	KindConstrainedType:         "constrained_type",
	KindContinueStatement:       "continue_statement",
	KindDecoratedDefinition:     "decorated_definition",
	KindDecorator:               "decorator",
	KindDefaultParameter:        "default_parameter",
	KindDeleteStatement:         "delete_statement",
	KindDictPattern:             "dict_pattern",
	KindDictionary:              "dictionary",
	KindDictionaryComprehension: "dictionary_comprehension",
	KindDictionarySplat:         "dictionary_splat",
	KindDictionarySplatPattern:  "dictionary_splat_pattern",
	KindDottedName:              "dotted_name",
	KindElifClause:              "elif_clause",
	KindEllipsis:                "ellipsis",
	KindElseClause:              "else_clause",
	KindEscapeInterpolation:     "escape_interpolation",
	KindEscapeSequence:          "escape_sequence",
	KindExceptClause:            "except_clause",
	KindExceptGroupClause:       "except_group_clause",
	KindExecStatement:           "exec_statement",
	KindExpression:              "expression",
	KindExpressionList:          "expression_list",
	KindExpressionStatement:     "expression_statement",
	KindFalse:                   "false",
	KindFinallyClause:           "finally_clause",
	KindFloat:                   "float",
	KindForInClause:             "for_in_clause",
	KindForStatement:            "for_statement",
	KindFormatExpression:        "format_expression",
	KindFormatSpecifier:         "format_specifier",
	KindFunctionDefinition:      "function_definition",
	KindFutureImportStatement:   "future_import_statement",
	KindGeneratorExpression:     "generator_expression",
	KindGenericType:             "generic_type",
	KindGlobalStatement:         "global_statement",
	KindIdentifier:              "identifier",
	KindIfClause:                "if_clause",
	KindIfStatement:             "if_statement",
	KindImportFromStatement:     "import_from_statement",
	KindImportPrefix:            "import_prefix",
	KindImportStatement:         "import_statement",
	KindInteger:                 "integer",
	KindInterpolation:           "interpolation",
	KindKeywordArgument:         "keyword_argument",
	KindKeywordPattern:          "keyword_pattern",
	KindKeywordSeparator:        "keyword_separator",
	KindLambda:                  "lambda",
	KindLambdaParameters:        "lambda_parameters",
	KindLineContinuation:        "line_continuation",
	KindList:                    "list",
	KindListComprehension:       "list_comprehension",
	KindListPattern:             "list_pattern",
	KindListSplat:               "list_splat",
	KindListSplatPattern:        "list_splat_pattern",
	KindMatchStatement:          "match_statement",
	KindMemberType:              "member_type",
	KindModule:                  "module",
	KindNamedExpression:         "named_expression",
	KindNone:                    "none",
	KindNonlocalStatement:       "nonlocal_statement",
	KindNotOperator:             "not_operator",
	KindPair:                    "pair",
	KindParameter:               "parameter",
	KindParameters:              "parameters",
	KindParenthesizedExpression: "parenthesized_expression",
	KindParenthesizedListSplat:  "parenthesized_list_splat",
	KindPassStatement:           "pass_statement",
	KindPattern:                 "pattern",
	KindPatternList:             "pattern_list",
	KindPositionalSeparator:     "positional_separator",
	KindPrimaryExpression:       "primary_expression",
	KindPrintStatement:          "print_statement",
	KindRaiseStatement:          "raise_statement",
	KindRelativeImport:          "relative_import",
	KindReturnStatement:         "return_statement",
	KindSet:                     "set",
	KindSetComprehension:        "set_comprehension",
	KindSlice:                   "slice",
	KindSplatPattern:            "splat_pattern",
	KindSplatType:               "splat_type",
	KindString:                  "string",
	KindStringContent:           "string_content",
	KindStringEnd:               "string_end",
	KindStringStart:             "string_start",
	KindSubscript:               "subscript",
	KindTrue:                    "true",
	KindTryStatement:            "try_statement",
	KindTuple:                   "tuple",
	KindTuplePattern:            "tuple_pattern",
	KindType:                    "type",
	KindTypeAliasStatement:      "type_alias_statement",
	KindTypeConversion:          "type_conversion",
	KindTypeParameter:           "type_parameter",
	KindTypedDefaultParameter:   "typed_default_parameter",
	KindTypedParameter:          "typed_parameter",
	KindUnaryOperator:           "unary_operator",
	KindUnionPattern:            "union_pattern",
	KindUnionType:               "union_type",
	KindWhileStatement:          "while_statement",
	KindWildcardImport:          "wildcard_import",
	KindWithClause:              "with_clause",
	KindWithItem:                "with_item",
	KindWithStatement:           "with_statement",
	KindYield:                   "yield",
}

func (k Kind) String() string {
	if k < kindCount {
		return kindNames[k]
	}
	return "?"
}

// Field is the name of the slot a node fills in its parent.
type Field uint8

// Fields.
const (
	FieldNone Field = iota
	FieldAlias
	FieldAlternative
	FieldArgument
	FieldArguments
	FieldAttribute
	FieldBody
	FieldCause
	FieldCode
	FieldCondition
	FieldConsequence
	FieldDefinition
	FieldExpression
	FieldFormatSpecifier
	FieldFunction
	FieldGuard
	FieldKey
	FieldLeft
	FieldModuleName
	FieldName
	FieldObject
	FieldOperator
	FieldOperators
	FieldParameters
	FieldReturnType
	FieldRight
	FieldSubject
	FieldSubscript
	FieldSuperclasses
	FieldType
	FieldTypeConversion
	FieldTypeParameters
	FieldValue
	fieldCount
)

var fieldNames = [fieldCount]string{
	FieldNone:            "",
	FieldAlias:           "alias",
	FieldAlternative:     "alternative",
	FieldArgument:        "argument",
	FieldArguments:       "arguments",
	FieldAttribute:       "attribute",
	FieldBody:            "body",
	FieldCause:           "cause",
	FieldCode:            "code",
	FieldCondition:       "condition",
	FieldConsequence:     "consequence",
	FieldDefinition:      "definition",
	FieldExpression:      "expression",
	FieldFormatSpecifier: "format_specifier",
	FieldFunction:        "function",
	FieldGuard:           "guard",
	FieldKey:             "key",
	FieldLeft:            "left",
	FieldModuleName:      "module_name",
	FieldName:            "name",
	FieldObject:          "object",
	FieldOperator:        "operator",
	FieldOperators:       "operators",
	FieldParameters:      "parameters",
	FieldReturnType:      "return_type",
	FieldRight:           "right",
	FieldSubject:         "subject",
	FieldSubscript:       "subscript",
	FieldSuperclasses:    "superclasses",
	FieldType:            "type",
	FieldTypeConversion:  "type_conversion",
	FieldTypeParameters:  "type_parameters",
	FieldValue:           "value",
}

func (f Field) String() string {
	if f < fieldCount {
		return fieldNames[f]
	}
	return "?"
}

// Kind is stored in one byte (Node and the flattener's pp_node); this fails
// to compile when the kinds outgrow it.
const _ = uint8(kindCount - 1)
